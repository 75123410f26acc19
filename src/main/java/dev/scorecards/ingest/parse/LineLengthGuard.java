package dev.scorecards.ingest.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a YAML stream at the first line longer than the scalar limit. The YAML scanner's cost grows
 * with the square of a single line's length, so an over-long line is refused before it is scanned.
 */
final class LineLengthGuard extends FilterInputStream {
    /** Thrown from inside the parser's read; the reader turns it into a document error. */
    static final class LineTooLong extends RuntimeException {
        final int line;

        LineTooLong(int line, long limit) {
            super("line " + line + " is longer than " + limit + " characters");
            this.line = line;
        }
    }

    private final long limit;
    private long current;
    private int line = 1;

    LineLengthGuard(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b != -1) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            see(buf[off + i]);
        }
        return n;
    }

    private void see(byte b) {
        if (b == '\n') {
            current = 0;
            line++;
        } else if (++current > limit) {
            throw new LineTooLong(line, limit);
        }
    }
}
