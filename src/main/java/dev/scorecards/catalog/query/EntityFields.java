package dev.scorecards.catalog.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.errors.ServiceError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Backstage's {@code fields} parameter: keep only the listed dot paths of an entity. A path part may
 * itself contain dots ({@code metadata.annotations.backstage.io/techdocs-ref}); parts are joined
 * greedily until they name a key.
 */
public record EntityFields(List<List<String>> paths) {

    public static final EntityFields ALL = new EntityFields(List.of());

    public static EntityFields parse(List<String> params) {
        List<List<String>> paths = new ArrayList<>();
        for (String param : params == null ? List.<String>of() : params) {
            for (String raw : param.split(",")) {
                String field = raw.trim();
                if (field.isEmpty()) {
                    continue;
                }
                if (field.contains("[")) {
                    throw ServiceError.input("Invalid field \"" + field + "\", array type fields are not supported");
                }
                paths.add(Arrays.asList(field.split("\\.")));
            }
        }
        return new EntityFields(paths);
    }

    public boolean isAll() {
        return paths.isEmpty();
    }

    /** A new object holding only the selected subtrees of {@code entity}. */
    public ObjectNode project(ObjectNode entity) {
        ObjectNode out = entity.objectNode();
        for (List<String> path : paths) {
            copy(entity, out, path, 0);
        }
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, List<String> parts, int start) {
        for (int end = start + 1; end <= parts.size(); end++) {
            String key = String.join(".", parts.subList(start, end));
            JsonNode child = from.get(key);
            if (child == null) {
                continue;
            }
            if (end == parts.size()) {
                to.set(key, child.deepCopy());
                return;
            }
            if (child.isObject()) {
                JsonNode existing = to.get(key);
                ObjectNode target = existing instanceof ObjectNode o ? o : to.putObject(key);
                copy(child, target, parts, end);
                return;
            }
        }
    }
}
