package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.errors.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A filter predicate over locations ({@code POST /locations/by-query}), matched as Backstage's location
 * store matches it: keys {@code id}, {@code type}, {@code target}, {@code entityRef}; values compared
 * case-insensitively (ids exactly in {@code $in}); {@code $contains} never matches; an empty
 * {@code $all} or {@code $any} matches nothing. The shape was checked by {@code EntityPredicate.parse}.
 */
public final class LocationPredicate {
    private LocationPredicate() {
    }

    /** Whether the location matches; a 400 for a key locations do not have. */
    public static boolean matches(JsonNode predicate, Location l) {
        if (predicate.size() == 1) {
            String op = predicate.fieldNames().next();
            JsonNode v = predicate.get(op);
            if (op.equals("$all") || op.equals("$any")) {
                if (v.isEmpty()) {
                    return false;
                }
                boolean all = op.equals("$all");
                for (JsonNode p : v) {
                    if (matches(p, l) != all) {
                        return !all;
                    }
                }
                return all;
            }
            if (op.equals("$not")) {
                return !matches(v, l);
            }
        }
        List<String> keys = new ArrayList<>();
        predicate.fieldNames().forEachRemaining(keys::add);
        if (keys.stream().anyMatch(k -> k.startsWith("$"))) {
            throw ServiceError.input("Invalid filter predicate, unknown logic operator '" + String.join(", ", keys) + "'");
        }
        boolean result = true;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) predicate::fields) {
            result &= field(column(e.getKey(), l), e.getKey().equalsIgnoreCase("id"), e.getValue());
        }
        return result;
    }

    private static String column(String key, Location l) {
        switch (key.toLowerCase(Locale.ROOT)) {
            case "id":
                return l.id();
            case "type":
                return l.type();
            case "target":
                return l.target();
            case "entityref":
                return l.entityRef();
            default:
                throw ServiceError.input("Invalid filter predicate, expected key to be 'id', 'type', 'target', or"
                        + " 'entityRef', got '" + key + "'");
        }
    }

    private static boolean field(String actual, boolean exactIn, JsonNode v) {
        if (v.isValueNode()) {
            return actual != null && upper(actual).equals(upper(text(v)));
        }
        if (v.path("$exists").isBoolean()) {
            return (actual != null) == v.get("$exists").asBoolean();
        }
        if (v.path("$in").isArray()) {
            for (JsonNode x : v.get("$in")) {
                if (actual != null && (exactIn ? actual.equals(text(x)) : upper(actual).equals(upper(text(x))))) {
                    return true;
                }
            }
            return false;
        }
        if (v.has("$contains")) {
            return false;
        }
        return actual != null && upper(actual).startsWith(upper(v.get("$hasPrefix").asText()));
    }

    private static String text(JsonNode v) {
        return v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) ? Long.toString(v.asLong()) : v.asText();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
