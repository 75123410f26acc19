package dev.scorecards.catalog.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.SearchDocument;
import dev.scorecards.catalog.processing.RelationRules;
import dev.scorecards.db.Sql;
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
public record EntityFilter(List<Map<String, List<String>>> anyOf) {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The SQL condition over {@code catalog_entity e} (true when there is no filter), with its
     * parameters appended to {@code params}.
     */
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
        boolean exists = values.contains(null);
        List<String> wanted = values.stream().filter(v -> v != null).distinct().toList();
        if (key.equals("metadata.uid")) {
            if (exists) {
                return "true";
            }
            params.add(wanted.toArray(new String[0]));
            return "e.uid::text = any(?)";
        }
        if (key.startsWith("relations.")) {
            RelationRules rules = RelationRules.get();
            String type = rules.canonical(key.substring("relations.".length()));
            if (type == null) {
                return "false";
            }
            // a relation e -[type]-> x is stored either as declared by e, or as x -[inverse]-> e declared by x
            if (exists) {
                params.add(type);
                params.add(type);
                return "(exists (select 1 from catalog_relation r where r.source_ref = e.ref and r.type = ?)"
                        + " or exists (select 1 from catalog_relation r where r.target_ref = e.ref and r.inverse = ?))";
            }
            String[] targets = wanted.toArray(new String[0]);
            params.add(type);
            params.add(targets);
            params.add(targets);
            params.add(rules.inverseOf(type));
            return "(exists (select 1 from catalog_relation r where r.source_ref = e.ref and r.type = ?"
                    + " and r.target_ref = any(?)) or exists (select 1 from catalog_relation r"
                    + " where r.source_ref = any(?) and r.type = ? and r.target_ref = e.ref))";
        }
        if (exists) {
            ObjectNode probe = JSON.createObjectNode();
            probe.putArray(SearchDocument.KEYS).add(key);
            params.add(new Sql.Jsonb(probe.toString()));
            return "e.search @> ?::jsonb";
        }
        List<String> ors = new ArrayList<>();
        for (String value : wanted) {
            ObjectNode probe = JSON.createObjectNode();
            probe.putArray(key).add(value);
            params.add(new Sql.Jsonb(probe.toString()));
            ors.add("e.search @> ?::jsonb");
        }
        return ors.size() == 1 ? ors.get(0) : "(" + String.join(" or ", ors) + ")";
    }
}
