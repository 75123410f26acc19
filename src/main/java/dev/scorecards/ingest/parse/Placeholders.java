package dev.scorecards.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scorecards.catalog.model.EntityProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Backstage's PlaceholderProcessor: an object with exactly one key among {@code $text},
 * {@code $json} and {@code $yaml} is replaced by the content of the file it names, resolved against
 * the entity's own location. Other {@code $keys} are left alone.
 */
public final class Placeholders {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a placeholder target, resolved against the document's location. */
    public interface Reader {
        String read(String target);
    }

    /** A placeholder that could not be resolved; {@code field} is where it stands. */
    public static final class Unresolved extends RuntimeException {
        final String field;

        Unresolved(String field, String message) {
            super(message);
            this.field = field;
        }

        public EntityProblem problem() {
            return new EntityProblem(EntityProblem.Stage.DOCUMENT, field,
                    "Processor PlaceholderProcessor threw an error while preprocessing; caused by Error: "
                            + getMessage());
        }
    }

    private Placeholders() {
    }

    /** Replaces every placeholder in {@code node}; {@code reader} null means none can be read (a pushed document). */
    public static JsonNode resolve(JsonNode node, Reader reader, ParseLimits limits) {
        return visit(node, "", reader, limits);
    }

    private static JsonNode visit(JsonNode node, String path, Reader reader, ParseLimits limits) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1) {
                Map.Entry<String, JsonNode> only = object.fields().next();
                String key = only.getKey();
                if (key.equals("$text") || key.equals("$json") || key.equals("$yaml")) {
                    return substitute(key, only.getValue(), path, reader, limits);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(visit(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), reader, limits));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, visit(array.get(i), path + "." + i, reader, limits));
            }
        }
        return node;
    }

    private static JsonNode substitute(String key, JsonNode value, String path, Reader reader, ParseLimits limits) {
        if (!value.isTextual()) {
            throw new Unresolved(path, "Placeholder " + key + " did not point to a string");
        }
        String target = value.asText();
        if (reader == null) {
            throw new Unresolved(path, "Placeholder " + key + " cannot be resolved in a pushed document; "
                    + "register the file as a Location to resolve " + target);
        }
        String content;
        try {
            content = reader.read(target);
        } catch (RuntimeException e) {
            throw new Unresolved(path, "Placeholder " + key + " could not read location " + target + ", "
                    + e.getMessage());
        }
        if (key.equals("$text")) {
            return TextNode.valueOf(content);
        }
        boolean json = key.equals("$json");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (DocumentReader docs = DocumentReader.open(new ByteArrayInputStream(bytes), json, limits)) {
            if (!docs.hasNext()) {
                return JSON.nullNode();
            }
            JsonNode parsed = docs.next().content();
            if (docs.hasNext()) {
                throw new Unresolved(path, "Placeholder " + key + " found multiple YAML documents in " + target);
            }
            return parsed;
        } catch (DocumentSyntaxError e) {
            throw new Unresolved(path, "Placeholder " + key + " failed to parse " + target + ", " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new Unresolved(path, e.getMessage());
        }
    }
}
