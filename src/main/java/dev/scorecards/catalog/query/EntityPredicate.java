package dev.scorecards.catalog.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.model.SearchDocument;
import dev.scorecards.errors.ServiceError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Backstage's filter predicate ({@code queryEntities({query})}, {@code getEntityFacets({query})}):
 * {@code $all}, {@code $any}, {@code $not} over field expressions whose values are a primitive,
 * {@code $exists}, {@code $in}, {@code $contains} or {@code $hasPrefix}. {@link #parse} accepts what
 * {@code @backstage/filter-predicates}' schema accepts; {@link #toSql} matches what the catalog
 * backend matches, keys and values case-insensitively.
 */
public final class EntityPredicate implements EntityCondition {
    /** A field key: empty, or not starting with {@code $}, and no line breaks (JavaScript's {@code .}). */
    private static final Pattern KEY = Pattern.compile("^(?:[^$\\n\\r\\u2028\\u2029][^\\n\\r\\u2028\\u2029]*)?$");

    private final JsonNode json;

    private EntityPredicate(JsonNode json) {
        this.json = json;
    }

    /** The predicate as sent (what cursors carry). */
    public JsonNode json() {
        return json;
    }

    /** Checks the shape; a 400 {@code Invalid query: …} naming the first offending path otherwise. */
    public static EntityPredicate parse(JsonNode json, String field) {
        String problem = predicate(json, "");
        if (problem != null) {
            throw ServiceError.input("Invalid query: Validation error: " + problem);
        }
        return new EntityPredicate(json);
    }

    private static String predicate(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return "Expected object, received " + typeName(node) + (path.isEmpty() ? "" : " at \"" + path + "\"");
        }
        if (node.size() == 1) {
            String op = node.fieldNames().next();
            JsonNode value = node.get(op);
            if (op.equals("$all") || op.equals("$any")) {
                if (!value.isArray()) {
                    return "Expected array, received " + typeName(value) + " at \"" + join(path, op) + "\"";
                }
                for (int i = 0; i < value.size(); i++) {
                    String p = predicate(value.get(i), join(path, op) + "." + i);
                    if (p != null) {
                        return p;
                    }
                }
                return null;
            }
            if (op.equals("$not")) {
                return predicate(value, join(path, "$not"));
            }
        }
        return expression(node, path);
    }

    private static String expression(JsonNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = join(path, e.getKey());
            if (!KEY.matcher(e.getKey()).matches()) {
                return (e.getKey().startsWith("$") ? "Unknown operator" : "Invalid key") + " at \"" + at + "\"";
            }
            String p = value(e.getValue(), at);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String value(JsonNode v, String path) {
        if (isPrimitive(v)) {
            return null;
        }
        if (v != null && v.isObject()) {
            if (v.path("$exists").isBoolean()) {
                return null;
            }
            JsonNode in = v.get("$in");
            if (in != null && in.isArray() && allPrimitive(in)) {
                return null;
            }
            if (v.has("$contains") && anyPredicate(v.get("$contains"), join(path, "$contains")) == null) {
                return null;
            }
            if (v.path("$hasPrefix").isTextual()) {
                return null;
            }
        }
        return "Expected a string, number, boolean, {$exists}, {$in}, {$contains} or {$hasPrefix}, received "
                + (v == null ? "undefined" : v.toString()) + " at \"" + path + "\"";
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String anyPredicate(JsonNode v, String path) {
        return isPrimitive(v) ? null : predicate(v, path);
    }

    private static boolean allPrimitive(JsonNode array) {
        for (JsonNode item : array) {
            if (!isPrimitive(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrimitive(JsonNode v) {
        return v != null && (v.isTextual() || v.isNumber() || v.isBoolean());
    }

    private static String typeName(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "undefined";
        }
        return v.isArray() ? "array" : v.isNull() ? "null" : v.isTextual() ? "string" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : "object";
    }

    @Override
    public String toSql(List<Object> params) {
        return sql(json, params);
    }

    private static String sql(JsonNode node, List<Object> params) {
        if (node.size() == 1) {
            String op = node.fieldNames().next();
            JsonNode value = node.get(op);
            switch (op) {
                case "$not":
                    return "not (" + sql(value, params) + ")";
                case "$all":
                case "$any":
                    if (value.isEmpty()) {
                        return op.equals("$all") ? "true" : "false";
                    }
                    List<String> parts = new ArrayList<>();
                    value.forEach(p -> parts.add(sql(p, params)));
                    return "(" + String.join(op.equals("$all") ? " and " : " or ", parts) + ")";
                default:
                    break;
            }
        }
        if (node.isEmpty()) {
            return "true";
        }
        List<String> ands = new ArrayList<>();
        node.fields().forEachRemaining(e -> ands.add(field(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), params)));
        return "(" + String.join(" and ", ands) + ")";
    }

    /** One field's condition; the value's form is the first that the schema's union accepts. */
    private static String field(String key, JsonNode v, List<Object> params) {
        if (isPrimitive(v)) {
            return SearchConditions.equalsAny(key, List.of(lower(v)), params);
        }
        if (v.path("$exists").isBoolean()) {
            String exists = SearchConditions.exists(key, params);
            return v.get("$exists").asBoolean() ? exists : "not (" + exists + ")";
        }
        JsonNode in = v.get("$in");
        if (in != null && in.isArray()) {
            List<String> values = new ArrayList<>();
            in.forEach(x -> values.add(lower(x)));
            return SearchConditions.equalsAny(key, values.stream().distinct().toList(), params);
        }
        if (v.has("$contains")) {
            return contains(key, v.get("$contains"), params);
        }
        return SearchConditions.hasPrefix(key, v.get("$hasPrefix").asText().toLowerCase(Locale.ROOT), params);
    }

    private static String contains(String key, JsonNode target, List<Object> params) {
        if (isPrimitive(target)) {
            return SearchConditions.equalsAny(key, List.of(lower(target)), params);
        }
        if (!key.equals("relations")) {
            throw ServiceError.input("Object form of $contains is not supported for field \"" + key + "\"");
        }
        String type = null;
        List<String> targets = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("type")) {
                if (type != null) {
                    throw duplicate(e.getKey());
                }
                if (!e.getValue().isTextual()) {
                    throw typeRequired();
                }
                type = e.getValue().asText();
            } else if (k.equals("targetref")) {
                if (targets != null) {
                    throw duplicate(e.getKey());
                }
                targets = targetRefs(e.getValue());
            } else {
                throw ServiceError.input("Unsupported key \"" + e.getKey() + "\" in $contains for \"relations\"."
                        + " Only \"type\" and \"targetRef\" are supported");
            }
        }
        if (type == null || type.isEmpty()) {
            throw typeRequired();
        }
        String relationKey = "relations." + type.toLowerCase(Locale.ROOT);
        return targets == null ? SearchConditions.exists(relationKey, params)
                : SearchConditions.equalsAny(relationKey, targets, params);
    }

    private static List<String> targetRefs(JsonNode v) {
        if (v.isTextual()) {
            return List.of(v.asText().toLowerCase(Locale.ROOT));
        }
        JsonNode in = v.get("$in");
        if (v.isObject() && v.size() == 1 && in != null && in.isArray()) {
            List<String> out = new ArrayList<>();
            boolean strings = true;
            for (JsonNode x : in) {
                strings &= x.isTextual();
                out.add(x.asText().toLowerCase(Locale.ROOT));
            }
            if (strings) {
                if (out.isEmpty()) {
                    throw ServiceError.input("Empty \"$in\" array for $contains on \"relations\" is not allowed");
                }
                return out.stream().distinct().toList();
            }
        }
        throw ServiceError.input("Unsupported value in $contains for \"relations\": expected a string or"
                + " { \"$in\": [strings] }, but got " + v);
    }

    private static ServiceError duplicate(String key) {
        return ServiceError.input("Duplicate key \"" + key + "\" in $contains for \"relations\"");
    }

    private static ServiceError typeRequired() {
        return ServiceError.input("The $contains operator for \"relations\" requires a \"type\" string property");
    }

    /** JavaScript's {@code String(value).toLowerCase()} for a primitive. */
    private static String lower(JsonNode v) {
        return SearchDocument.scalar(v).toLowerCase(Locale.ROOT);
    }
}
