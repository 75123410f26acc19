package dev.scorecards.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the tools share: a tool's answer is one JSON object, sent as structured content and, for clients
 * that read only text, as its JSON text; refs in arguments are read as the REST API reads them.
 */
final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    /**
     * The tool's answer: what {@code work} returns, as {@link #of}; or, when the request is the caller's error
     * (a {@link ServiceError}: bad input, nothing of that name), a failed tool call whose text is the message
     * the REST API would answer, so that the assistant can correct itself. Anything else is the server's error.
     */
    static ToolResponse answer(Supplier<JsonNode> work) {
        JsonNode answer;
        try {
            answer = work.get();
        } catch (ServiceError e) {
            return ToolResponse.error(e.getMessage());
        }
        return of(answer);
    }

    /** A successful answer carrying {@code answer} (a JSON object) twice: as text and as structured content. */
    static ToolResponse of(JsonNode answer) {
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = JSON.convertValue(answer, Map.class);
        return new ToolResponse(false, List.of(new TextContent(answer.toString())), structured, null);
    }

    /**
     * The ref an argument names, its kind defaulting to {@code defaultKind} (null: the kind is required) and
     * its namespace to {@code default}; a malformed one is the caller's error (a failed tool call).
     */
    static String ref(String argument, String value, String defaultKind) {
        if (value == null || value.isBlank()) {
            throw ServiceError.input("Argument " + argument + " is required, e.g. "
                    + (defaultKind == null ? "system:default/observability" : "group:default/platform-team"));
        }
        try {
            return EntityRef.parse(value.trim(), defaultKind, EntityRef.DEFAULT_NAMESPACE).toString();
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid entity ref '" + value + "' in argument " + argument + ": " + e.getMessage());
        }
    }
}
