package dev.scorecards.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.errors.ServiceError;
import java.io.IOException;

/** Backstage's {@code validateRequestBody}: the checks every JSON POST body goes through, with its messages. */
public final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    public static JsonNode object(String contentType, String body) {
        JsonNode node = value(contentType, body);
        if (node == null || !node.isObject()) {
            throw ServiceError.input("Expected body to be a JSON object");
        }
        if (node.isEmpty()) {
            throw ServiceError.input("Empty request body");
        }
        return node;
    }

    /** Any JSON value (null for an empty body), after the same Content-Type checks. */
    public static JsonNode value(String contentType, String body) {
        if (contentType == null || contentType.isBlank()) {
            throw ServiceError.input("Content-Type missing");
        }
        if (!contentType.toLowerCase(java.util.Locale.ROOT).matches("^application/json\\s*(;.*)?$")) {
            throw ServiceError.input("Illegal Content-Type");
        }
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw ServiceError.input("Malformed request: body is not valid JSON");
        }
    }

    /** A required string property, or a 400 naming it. */
    public static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw ServiceError.input("Malformed request: " + field + " must be a string");
        }
        return v.asText();
    }
}
