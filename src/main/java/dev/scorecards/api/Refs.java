package dev.scorecards.api;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;

/**
 * Entity refs from path, query and body parameters: parsed here, once, at the API's edge, and handed to
 * the stages as {@link EntityRef}.
 */
public final class Refs {
    private Refs() {
    }

    /** The ref of a {@code /{kind}/{namespace}/{name}} path. */
    public static EntityRef ref(String kind, String namespace, String name) {
        return new EntityRef(kind, namespace, name);
    }

    /** The same ref as text, for the services that still take one (the read models shared with the web pages). */
    public static String of(String kind, String namespace, String name) {
        return ref(kind, namespace, name).toString();
    }

    /** A ref written in a query parameter, with a default kind (e.g. {@code group} for owners); null when absent. */
    public static EntityRef parse(String value, String defaultKind) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EntityRef.parse(value.trim(), defaultKind, EntityRef.DEFAULT_NAMESPACE);
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid entity ref '" + value + "': " + e.getMessage());
        }
    }

    /** A full ref a request body must give in {@code field} (400 naming the field when absent or malformed). */
    public static EntityRef required(String value, String field) {
        try {
            return EntityRef.parse(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid " + field + ": " + e.getMessage());
        }
    }
}
