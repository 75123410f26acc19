package dev.scorecards.catalog.query;

import dev.scorecards.errors.ServiceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backstage's {@code filter} query parameters: statements {@code key}, {@code key=value} or
 * {@code key=} separated by commas within one parameter are ANDed (a repeated key ORs its values),
 * and separate parameters are ORed. Keys and values match case-insensitively.
 *
 * @param anyOf one entry per {@code filter} parameter; each maps a lower-cased key to the accepted
 *     lower-cased values, where a {@code null} value means "the key exists"
 */
public record EntityFilter(List<Map<String, List<String>>> anyOf) implements EntityCondition {

    public static final EntityFilter ALL = new EntityFilter(List.of());

    public boolean isEmpty() {
        return anyOf.isEmpty();
    }

    /** Parses {@code filter} parameters as Backstage's {@code parseEntityFilterParams} does. */
    public static EntityFilter parse(List<String> params) {
        List<Map<String, List<String>>> branches = new ArrayList<>();
        for (String param : params == null ? List.<String>of() : params) {
            Map<String, List<String>> branch = new LinkedHashMap<>();
            for (String raw : param.split(",")) {
                String statement = raw.trim();
                if (statement.isEmpty()) {
                    continue;
                }
                int eq = statement.indexOf('=');
                String key = (eq == -1 ? statement : statement.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    throw ServiceError.input("Invalid filter, '" + statement
                            + "' is not a valid statement (expected a string on the form a=b or a= or a)");
                }
                String value = eq == -1 ? null : statement.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
                branch.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            if (!branch.isEmpty()) {
                branches.add(branch);
            }
        }
        return new EntityFilter(branches);
    }

    /** The SQL condition over {@code catalog_entity e} (true when there is no filter). */
    @Override
    public String toSql(List<Object> params) {
        if (anyOf.isEmpty()) {
            return "true";
        }
        List<String> ors = new ArrayList<>();
        for (Map<String, List<String>> branch : anyOf) {
            List<String> ands = new ArrayList<>();
            branch.forEach((key, values) -> ands.add(condition(key, values, params)));
            ors.add("(" + String.join(" and ", ands) + ")");
        }
        return "(" + String.join(" or ", ors) + ")";
    }

    private static String condition(String key, List<String> values, List<Object> params) {
        if (values.contains(null)) {
            return SearchConditions.exists(key, params);
        }
        return SearchConditions.equalsAny(key, values.stream().distinct().toList(), params);
    }
}
