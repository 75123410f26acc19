package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.query.EntityFields;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Entities go out as the stored JSON text; only a {@code fields} selection parses them. */
final class EntityJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityJson() {
    }

    static String render(String stored, EntityFields fields) {
        if (stored == null) {
            return "null";
        }
        if (fields.isAll()) {
            return stored;
        }
        try {
            return fields.project((ObjectNode) JSON.readTree(stored)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
