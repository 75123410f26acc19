package dev.scorecards.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Text PostgreSQL cannot store: the NUL character ({@code \u0000}), which neither {@code text} nor
 * {@code jsonb} accepts. Every way in (path, query, JSON and YAML bodies) is checked with this one rule.
 */
public final class StorableText {
    private StorableText() {
    }

    /** Whether {@code s} can be stored. */
    public static boolean storable(String s) {
        return s == null || s.indexOf('\u0000') < 0;
    }

    /**
     * The dotted path (keys and {@code [i]} indexes, below {@code prefix}) of the first key or string
     * value of {@code node} that cannot be stored, or null when all can.
     */
    public static String unstorableField(JsonNode node, String prefix) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return storable(node.textValue()) ? null : prefix;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = unstorableField(node.get(i), prefix + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (!storable(field.getKey())) {
                    return (prefix.isEmpty() ? "" : prefix + ".") + visible(field.getKey()) + " (a key)";
                }
                String found = unstorableField(field.getValue(), path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** {@code s} with each NUL shown as {@code \u0000}, for messages. */
    public static String visible(String s) {
        return s == null ? null : s.replace("\u0000", "\\u0000");
    }

    /** The message naming a field (or parameter) whose text cannot be stored. */
    public static String message(String field) {
        return "Malformed request: " + visible(field) + " contains a NUL character (\\u0000), which cannot be stored";
    }
}
