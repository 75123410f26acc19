package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.errors.ServiceError;
import java.util.Set;

/**
 * Request body checks in the order and words of the OpenAPI request validator in front of Backstage's
 * newer catalog routes (type, then required properties, then additional ones, then each property's type):
 * {@code request/body/location must have required property 'target'}.
 */
final class BodySchema {
    private BodySchema() {
    }

    /** {@code node} at {@code path} as an object with {@code required} present and nothing outside {@code allowed} (null: any). */
    static JsonNode object(JsonNode node, String path, Set<String> allowed, String... required) {
        if (node == null || !node.isObject()) {
            throw ServiceError.input(path + " must be object");
        }
        for (String name : required) {
            if (!node.has(name)) {
                throw ServiceError.input(path + " must have required property '" + name + "'");
            }
        }
        if (allowed != null) {
            node.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw ServiceError.input(path + " must NOT have additional properties");
                }
            });
        }
        return node;
    }

    /** The string property {@code name} of {@code node} (null when absent), or a 400 naming its path. */
    static String string(JsonNode node, String path, String name) {
        JsonNode v = node.get(name);
        if (v != null && !v.isTextual()) {
            throw ServiceError.input(path + "/" + name + " must be string");
        }
        return v == null ? null : v.asText();
    }
}
