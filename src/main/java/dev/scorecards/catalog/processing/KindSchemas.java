package dev.scorecards.catalog.processing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityProblem.Stage;
import dev.scorecards.catalog.model.EntityProblem;
import java.util.List;
import java.util.Map;

/**
 * The built-in kinds and their spec schemas (data files {@code catalog/kinds/<Kind>.schema.json}).
 * Like Backstage's kind validators, a schema that only disagrees on {@code kind} or
 * {@code apiVersion} does not claim the entity; one that claims it and finds errors rejects it.
 */
final class KindSchemas {
    static final List<String> KINDS =
            List.of("Component", "API", "Resource", "System", "Domain", "Group", "User", "Location", "Template");

    private final Map<String, AjvStyleSchema> byKind;

    KindSchemas() {
        var map = new java.util.HashMap<String, AjvStyleSchema>();
        for (String kind : KINDS) {
            map.put(kind, AjvStyleSchema.load("catalog/kinds/" + kind + ".schema.json"));
        }
        this.byKind = Map.copyOf(map);
    }

    /** Validates the kind-specific part of an entity whose envelope already passed. */
    void validate(ObjectNode entity, String ref, List<EntityProblem> problems) {
        AjvStyleSchema schema = byKind.get(entity.get("kind").asText());
        List<AjvStyleSchema.FieldViolation> violations = schema == null ? List.of() : schema.validate(entity);
        boolean claimed = schema != null && violations.stream()
                .map(AjvStyleSchema.FieldViolation::violation)
                .filter(v -> v.pointer().equals("/kind") || v.pointer().equals("/apiVersion"))
                .noneMatch(v -> v.keyword().equals("enum"));
        if (!claimed) {
            problems.add(new EntityProblem(Stage.UNKNOWN_KIND, "kind", "No processor recognized the entity " + ref
                    + " as valid, possibly caused by a foreign kind or apiVersion"));
            return;
        }
        for (var v : violations) {
            problems.add(new EntityProblem(Stage.KIND, v.field(), v.violation().message()));
        }
    }
}
