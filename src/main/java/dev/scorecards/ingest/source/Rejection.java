package dev.scorecards.ingest.source;

import dev.scorecards.errors.ServiceError;
import java.util.List;
import java.util.Map;

/** Turns the problems of a refused request into one 400 InputError that lists every bad document. */
public final class Rejection {
    public static final int MAX_LISTED = 1000;

    private Rejection() {
    }

    /** The 400 of a refused request, knowing how many documents were bad (for the metrics). */
    public static final class Refused extends ServiceError {
        final int badDocuments;

        Refused(String message, Map<String, Object> details, int badDocuments) {
            super("InputError", 400, message, details, null);
            this.badDocuments = badDocuments;
        }
    }

    public static Refused of(String what, List<DocumentProblem> problems, int badDocuments) {
        DocumentProblem first = problems.get(0);
        StringBuilder message = new StringBuilder();
        message.append(badDocuments == 1 ? "1 document" : badDocuments + " documents")
                .append(" of ").append(what).append(badDocuments == 1 ? " is" : " are")
                .append(" invalid; nothing was stored. Document ").append(first.index());
        if (first.location() != null) {
            message.append(" of ").append(first.location());
        }
        if (first.entityRef() != null) {
            message.append(" (").append(first.entityRef()).append(")");
        }
        if (first.field() != null && !first.field().isEmpty()) {
            message.append(", field ").append(first.field());
        }
        message.append(": ").append(first.message());
        return new Refused(message.toString(), Map.of("documents", problems), badDocuments);
    }
}
