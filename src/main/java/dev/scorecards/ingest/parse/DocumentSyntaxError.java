package dev.scorecards.ingest.parse;

/** A request or file that cannot be read as YAML or JSON, or that exceeds a parse limit. */
public class DocumentSyntaxError extends RuntimeException {
    private final int index;
    private final int line;

    public DocumentSyntaxError(int index, int line, String message) {
        super(message);
        this.index = index;
        this.line = line;
    }

    /** The document being read when it failed (0-based). */
    public int index() {
        return index;
    }

    public int line() {
        return line;
    }
}
