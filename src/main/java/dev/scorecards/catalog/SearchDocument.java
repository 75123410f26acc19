package dev.scorecards.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.EntityProblem.Stage;
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
 *
 * @param lower lower-cased key → lower-cased values (what filters match)
 * @param original lower-cased key → values as written (what facets show)
 */
public record SearchDocument(Map<String, List<String>> lower, Map<String, List<String>> original) {

    private static final Set<String> SPECIAL_KEYS = Set.of("attachments", "relations", "status", "metadata.name",
            "metadata.namespace", "metadata.uid", "metadata.etag");
    private static final int MAX_KEY_LENGTH = 200;
    private static final int MAX_VALUE_LENGTH = 200;

    /** Builds the index; a key that differs from another only in casing is a problem, as in Backstage. */
    static SearchDocument of(JsonNode entity, List<EntityProblem> problems) {
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
        return new SearchDocument(freeze(lower), freeze(original));
    }

    private static Map<String, List<String>> freeze(Map<String, Set<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
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
    private static String scalar(JsonNode node) {
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
