package dev.scorecards.catalog.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.model.EntityProblem.Stage;
import dev.scorecards.catalog.model.EntityProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flattened key/value index of an entity that filters, ordering, facets and full-text search
 * work on, built as Backstage's {@code buildEntitySearch} builds it: dot-joined keys, array items
 * under the array's path plus {@code <path>.<item> = true} for string items, keys and values
 * lower-cased, keys over 200 characters dropped and values over 200 characters kept as null.
 * {@code relations.*} and {@code metadata.uid} are answered from their own columns, not from here.
 * Both forms are JSON text ready for the jsonb columns.
 *
 * @param lowerJson lower-cased key → lower-cased values (what filters match), plus the key
 *     {@value #KEYS} listing every key (what existence filters match)
 * @param originalJson lower-cased key → values as written, only for keys where that differs from
 *     the lower-cased values (what facets show)
 */
public record SearchDocument(String lowerJson, String originalJson) {

    private static final Set<String> SPECIAL_KEYS = Set.of("attachments", "relations", "status", "metadata.name",
            "metadata.namespace", "metadata.uid", "metadata.etag");
    /** The key under which the index lists every key it has, so that key existence is a containment query. */
    public static final String KEYS = "";
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_VALUE_LENGTH = 200;

    /** Builds the index; a key that differs from another only in casing is a problem, as in Backstage. */
    public static SearchDocument of(JsonNode entity, List<EntityProblem> problems) {
        List<String[]> raw = new ArrayList<>();
        visit("", entity, raw);
        JsonNode metadata = entity.path("metadata");
        raw.add(new String[] {"metadata.name", scalar(metadata.get("name"))});
        raw.add(new String[] {"metadata.namespace", scalar(metadata.get("namespace"))});

        Map<String, String> casing = new LinkedHashMap<>();
        Set<String> clashes = new TreeSet<>();
        Map<String, Set<String>> lower = new LinkedHashMap<>();
        Map<String, Set<String>> original = new LinkedHashMap<>();
        for (String[] kv : raw) {
            String key = kv[0].toLowerCase(Locale.ROOT);
            String previous = casing.putIfAbsent(key, kv[0]);
            if (previous != null && !previous.equals(kv[0])) {
                clashes.add(key);
            }
            if (key.length() > MAX_KEY_LENGTH) {
                continue;
            }
            Set<String> l = lower.computeIfAbsent(key, k -> new LinkedHashSet<>());
            Set<String> o = original.computeIfAbsent(key, k -> new LinkedHashSet<>());
            String value = kv[1];
            if (value != null && value.length() <= MAX_VALUE_LENGTH) {
                l.add(value.toLowerCase(Locale.ROOT));
                o.add(value);
            }
        }
        if (!clashes.isEmpty()) {
            problems.add(new EntityProblem(Stage.SEARCH, clashes.iterator().next(),
                    "Entity has duplicate keys that vary only in casing, '" + String.join("', '", clashes) + "'"));
        }
        original.entrySet().removeIf(e -> e.getValue().equals(lower.get(e.getKey())));
        lower.put(KEYS, new LinkedHashSet<>(lower.keySet()));
        return new SearchDocument(json(lower), json(original));
    }

    private static String json(Map<String, Set<String>> map) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder(512).append('{');
        for (Map.Entry<String, Set<String>> e : map.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            encoder.quoteAsString(e.getKey(), out);
            out.append("\":[");
            boolean first = true;
            for (String v : e.getValue()) {
                out.append(first ? "\"" : ",\"");
                encoder.quoteAsString(v, out);
                out.append('"');
                first = false;
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    private static void visit(String path, JsonNode node, List<String[]> out) {
        if (SPECIAL_KEYS.contains(path)) {
            return;
        }
        if (node == null || node.isNull() || node.isValueNode()) {
            out.add(new String[] {path, scalar(node)});
        } else if (node.isArray()) {
            Set<String> seenItemKeys = new java.util.HashSet<>();
            for (JsonNode item : node) {
                visit(path, item, out);
                if (item.isTextual()) {
                    String itemKey = path + "." + item.asText();
                    if (seenItemKeys.add(itemKey.toLowerCase(Locale.ROOT))) {
                        out.add(new String[] {itemKey, "true"});
                    }
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> visit(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), out));
        }
    }

    /** A scalar as JavaScript's {@code String(value)} writes it; null for null. */
    public static String scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString((long) d) : Double.toString(d);
        }
        return node.asText();
    }
}
