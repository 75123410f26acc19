package dev.scorecards.catalog.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecards.catalog.model.EntityProblem.Stage;
import dev.scorecards.catalog.model.EntityProblem;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.Relation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which spec fields declare which relations (data file {@code catalog/relations.yaml}), and the
 * relations an entity emits: both directions of every reference, with Backstage's default kinds and
 * the referring entity's own namespace.
 */
public final class RelationRules {

    private record FieldRule(Set<String> kinds, String field, String relation, String defaultKind) {
    }

    private final Map<String, String> inverse = new HashMap<>();
    private final Map<String, String> canonicalByLower = new HashMap<>();
    private final List<FieldRule> rules = new ArrayList<>();
    private final List<String> sortedSpecArrays = new ArrayList<>();

    private static final RelationRules INSTANCE = new RelationRules();

    public static RelationRules get() {
        return INSTANCE;
    }

    private RelationRules() {
        try (InputStream in = RelationRules.class.getClassLoader().getResourceAsStream("catalog/relations.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            root.get("types").fields().forEachRemaining(e -> {
                String fwd = e.getKey();
                String inv = e.getValue().asText();
                inverse.put(fwd, inv);
                inverse.put(inv, fwd);
                canonicalByLower.put(fwd.toLowerCase(Locale.ROOT), fwd);
                canonicalByLower.put(inv.toLowerCase(Locale.ROOT), inv);
            });
            root.path("sortedSpecArrays").forEach(f -> sortedSpecArrays.add(f.asText()));
            for (JsonNode r : root.get("fields")) {
                Set<String> kinds = new java.util.HashSet<>();
                r.get("kinds").forEach(k -> kinds.add(k.asText()));
                JsonNode dk = r.get("defaultKind");
                rules.add(new FieldRule(Set.copyOf(kinds), r.get("field").asText(), r.get("relation").asText(),
                        dk == null || dk.isNull() ? null : dk.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorts, in place, the spec arrays Backstage sorts, where every item is a string (UTF-16 order, as JavaScript). */
    public void sortSpecArrays(com.fasterxml.jackson.databind.node.ObjectNode entity) {
        if (!(entity.get("spec") instanceof com.fasterxml.jackson.databind.node.ObjectNode spec)) {
            return;
        }
        for (String field : sortedSpecArrays) {
            if (spec.get(field) instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : array) {
                    if (!item.isTextual()) {
                        items = null;
                        break;
                    }
                    items.add(item.asText());
                }
                if (items != null) {
                    java.util.Collections.sort(items);
                    array.removeAll();
                    items.forEach(array::add);
                }
            }
        }
    }

    /** The inverse of a relation type ({@code ownedBy} → {@code ownerOf}), or null if unknown. */
    public String inverseOf(String type) {
        return inverse.get(type);
    }

    /** The relation type spelled as Backstage spells it, from any casing; null if unknown. */
    public String canonical(String type) {
        return canonicalByLower.get(type.toLowerCase(Locale.ROOT));
    }

    /** All relation types, both directions. */
    public Set<String> types() {
        return inverse.keySet();
    }

    /**
     * The relations {@code entity} declares, in the declared direction (the inverse is implied). A
     * reference that cannot be parsed is added to {@code problems} under its field
     * ({@code spec.dependsOn.0}).
     */
    List<Relation> derive(JsonNode entity, EntityRef self, List<EntityProblem> problems) {
        List<Relation> out = new ArrayList<>();
        String kind = entity.path("kind").asText();
        JsonNode spec = entity.path("spec");
        String selfRef = self.toString();
        for (FieldRule rule : rules) {
            if (!rule.kinds().contains(kind)) {
                continue;
            }
            JsonNode value = spec.get(rule.field());
            if (value == null || value.isNull()) {
                continue;
            }
            List<JsonNode> refs = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(refs::add);
            } else {
                refs.add(value);
            }
            for (int i = 0; i < refs.size(); i++) {
                String field = "spec." + rule.field() + (value.isArray() ? "." + i : "");
                JsonNode ref = refs.get(i);
                try {
                    if (!ref.isTextual()) {
                        throw new IllegalArgumentException("Entity reference must be a string, found " + ref);
                    }
                    String target = EntityRef.parse(ref.asText(), rule.defaultKind(), self.namespace()).toString();
                    out.add(new Relation(selfRef, rule.relation(), target));
                } catch (IllegalArgumentException e) {
                    problems.add(new EntityProblem(Stage.RELATION, field, e.getMessage()));
                }
            }
        }
        return out;
    }
}
