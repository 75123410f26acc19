package dev.scorecards.catalog.model;

import java.util.Locale;

/**
 * A reference to an entity, {@code kind:namespace/name}. Compared case-insensitively: the parts are
 * kept lower-cased, as Backstage's {@code stringifyEntityRef} writes them.
 */
public record EntityRef(String kind, String namespace, String name) {

    public static final String DEFAULT_NAMESPACE = "default";

    public EntityRef {
        kind = kind.toLowerCase(Locale.ROOT);
        namespace = namespace.toLowerCase(Locale.ROOT);
        name = name.toLowerCase(Locale.ROOT);
    }

    /** Parses a full ref, {@code kind:namespace/name} with the namespace defaulting to "default". */
    public static EntityRef parse(String ref) {
        return parse(ref, null, DEFAULT_NAMESPACE);
    }

    /**
     * Backstage's {@code parseEntityRef}: {@code [<kind>:][<namespace>/]<name>}, where a slash before
     * the first colon means there is no kind, and missing parts take the given defaults.
     *
     * @throws IllegalArgumentException with Backstage's message when the ref is malformed
     */
    public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
        if (ref == null || ref.isEmpty()) {
            throw new IllegalArgumentException("Entity reference must not be empty");
        }
        int colon = ref.indexOf(':');
        int slash = ref.indexOf('/');
        if (slash != -1 && slash < colon) {
            colon = -1;
        }
        String kind = colon == -1 ? null : ref.substring(0, colon);
        String namespace = slash == -1 ? null : ref.substring(colon + 1, slash);
        String name = ref.substring(Math.max(colon + 1, slash + 1));
        if ("".equals(kind) || "".equals(namespace) || name.isEmpty()) {
            throw new IllegalArgumentException(
                    "Entity reference \"" + ref + "\" was not on the form [<kind>:][<namespace>/]<name>");
        }
        if (kind == null) {
            kind = defaultKind;
        }
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("Entity reference \"" + ref
                    + "\" had missing or empty kind (e.g. did not start with \"component:\" or similar)");
        }
        if (namespace == null) {
            namespace = defaultNamespace == null ? DEFAULT_NAMESPACE : defaultNamespace;
        }
        return new EntityRef(kind, namespace, name);
    }

    @Override
    public String toString() {
        return kind + ":" + namespace + "/" + name;
    }
}
