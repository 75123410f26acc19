package dev.scorecards.catalog.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.SearchDocument;
import dev.scorecards.catalog.processing.RelationRules;
import dev.scorecards.db.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * One key of the search index as SQL over {@code catalog_entity e}: the key exists, has one of some
 * values, or has a value with a prefix. Keys and values arrive lower-cased. {@code relations.<type>}
 * is answered from the relation table and {@code metadata.uid} from its column, as Backstage's search
 * table holds them.
 */
final class SearchConditions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchConditions() {
    }

    static String exists(String key, List<Object> params) {
        if (key.equals("metadata.uid")) {
            return "true";
        }
        if (key.startsWith("relations.")) {
            String type = RelationRules.get().canonical(key.substring("relations.".length()));
            if (type == null) {
                return "false";
            }
            params.add(type);
            params.add(type);
            return "(exists (select 1 from catalog_relation r where r.source_ref = e.ref and r.type = ?)"
                    + " or exists (select 1 from catalog_relation r where r.target_ref = e.ref and r.inverse = ?))";
        }
        ObjectNode probe = JSON.createObjectNode();
        probe.putArray(SearchDocument.KEYS).add(key);
        params.add(new Sql.Jsonb(probe.toString()));
        return "e.search @> ?::jsonb";
    }

    static String equalsAny(String key, List<String> values, List<Object> params) {
        if (values.isEmpty()) {
            return "false";
        }
        if (key.equals("metadata.uid")) {
            params.add(values.toArray(new String[0]));
            return "e.uid::text = any(?)";
        }
        if (key.startsWith("relations.")) {
            RelationRules rules = RelationRules.get();
            String type = rules.canonical(key.substring("relations.".length()));
            if (type == null) {
                return "false";
            }
            // a relation e -[type]-> x is stored either as declared by e, or as x -[inverse]-> e declared by x
            String[] targets = values.toArray(new String[0]);
            params.add(type);
            params.add(targets);
            params.add(targets);
            params.add(rules.inverseOf(type));
            return "(exists (select 1 from catalog_relation r where r.source_ref = e.ref and r.type = ?"
                    + " and r.target_ref = any(?)) or exists (select 1 from catalog_relation r"
                    + " where r.source_ref = any(?) and r.type = ? and r.target_ref = e.ref))";
        }
        List<String> ors = new ArrayList<>();
        for (String value : values) {
            ObjectNode probe = JSON.createObjectNode();
            probe.putArray(key).add(value);
            params.add(new Sql.Jsonb(probe.toString()));
            ors.add("e.search @> ?::jsonb");
        }
        return ors.size() == 1 ? ors.get(0) : "(" + String.join(" or ", ors) + ")";
    }

    static String hasPrefix(String key, String prefix, List<Object> params) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        if (key.equals("metadata.uid")) {
            params.add(like);
            return "e.uid::text like ?";
        }
        if (key.startsWith("relations.")) {
            RelationRules rules = RelationRules.get();
            String type = rules.canonical(key.substring("relations.".length()));
            if (type == null) {
                return "false";
            }
            params.add(type);
            params.add(like);
            params.add(rules.inverseOf(type));
            params.add(like);
            return "(exists (select 1 from catalog_relation r where r.source_ref = e.ref and r.type = ?"
                    + " and r.target_ref like ?) or exists (select 1 from catalog_relation r"
                    + " where r.target_ref = e.ref and r.type = ? and r.source_ref like ?))";
        }
        params.add(key);
        params.add(like);
        return "exists (select 1 from jsonb_array_elements_text(e.search -> ?) v where v like ?)";
    }
}
