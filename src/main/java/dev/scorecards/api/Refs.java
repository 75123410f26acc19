package dev.scorecards.api;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;

/** Entity refs from path and query parameters. */
public final class Refs {
    private Refs() {
    }

    public static String of(String kind, String namespace, String name) {
        return new EntityRef(kind, namespace, name).toString();
    }

    /** A ref written in a query parameter, with a default kind (e.g. {@code group} for owners). */
    public static String parse(String value, String defaultKind) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EntityRef.parse(value.trim(), defaultKind, EntityRef.DEFAULT_NAMESPACE).toString();
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid entity ref '" + value + "': " + e.getMessage());
        }
    }
}
