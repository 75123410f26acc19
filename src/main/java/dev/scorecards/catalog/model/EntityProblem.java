package dev.scorecards.catalog.model;

/**
 * One thing wrong with one document: the field it concerns (dot path, or "" for the whole
 * document) and Backstage's own text for it. {@link #stage} says which step of Backstage's
 * processing found it, which decides how Backstage wraps the text ({@link #backstageMessage}).
 */
public record EntityProblem(Stage stage, String field, String message) {

    public enum Stage {
        /** Not a YAML/JSON object at all, or a placeholder that could not be resolved. */
        DOCUMENT,
        /** The entity envelope schema and the field-format policies. */
        POLICY,
        /** The kind's own schema (apiVersion, kind, spec). */
        KIND,
        /** No kind schema claims the entity. */
        UNKNOWN_KIND,
        /** A spec field that should hold an entity reference does not. */
        RELATION,
        /** Checks made when the entity is indexed for search. */
        SEARCH,
        /** Reading a Location's targets. */
        LOCATION
    }

    /** The error message Backstage itself gives for this problem on the entity {@code ref}. */
    public String backstageMessage(String ref) {
        return switch (stage) {
            case POLICY -> "Policy check failed for " + ref + "; caused by Error: " + message;
            case KIND -> "Processor BuiltinKindsEntityProcessor threw an error while validating the entity "
                    + ref + "; caused by TypeError: " + message;
            case RELATION -> "Processor BuiltinKindsEntityProcessor threw an error while postprocessing; caused by TypeError: "
                    + message;
            case UNKNOWN_KIND, SEARCH, DOCUMENT, LOCATION -> message;
        };
    }
}
