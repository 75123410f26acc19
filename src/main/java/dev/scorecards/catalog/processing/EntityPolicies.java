package dev.scorecards.catalog.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityProblem.Stage;
import dev.scorecards.catalog.model.EntityProblem;
import dev.scorecards.catalog.model.EntityRef;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Backstage's policy chain for every ingested entity, in its order: the envelope schema, the default
 * namespace, no foreign root fields, then the format of each metadata field.
 */
final class EntityPolicies {
    private static final String LEARN_MORE = " To learn more about catalog file format, visit: "
            + "https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";
    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");

    private static final String OBJECT_NAME =
            "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
    private static final String PREFIX_SUFFIX = "a valid prefix and/or suffix";
    private static final String DNS_LABEL =
            "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";
    private static final String KIND =
            "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total";

    private final AjvStyleSchema envelope = AjvStyleSchema.load("catalog/entity.schema.json");

    /**
     * Enforces the chain on {@code entity} (setting the default namespace), adding what is wrong to
     * {@code problems}. A broken envelope stops the chain, as Backstage's first policy does.
     */
    void enforce(ObjectNode entity, List<EntityProblem> problems) {
        List<AjvStyleSchema.FieldViolation> violations = envelope.validate(entity);
        if (!violations.isEmpty()) {
            for (var v : violations) {
                problems.add(new EntityProblem(Stage.POLICY, v.field(),
                        "Malformed envelope, " + v.violation().message().replaceFirst(" - .*$", "")));
            }
            return;
        }
        ObjectNode metadata = (ObjectNode) entity.get("metadata");
        if (!metadata.hasNonNull("namespace") || metadata.get("namespace").asText().isEmpty()) {
            metadata.put("namespace", EntityRef.DEFAULT_NAMESPACE);
        }
        for (Iterator<String> it = entity.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!ROOT_FIELDS.contains(field)) {
                problems.add(new EntityProblem(Stage.POLICY, field, "Unknown field " + field));
            }
        }
        checkFormats(entity, metadata, problems);
    }

    private static void checkFormats(ObjectNode entity, ObjectNode metadata, List<EntityProblem> problems) {
        require(problems, "apiVersion", entity.get("apiVersion"), FieldFormats::apiVersion, PREFIX_SUFFIX);
        require(problems, "kind", entity.get("kind"), FieldFormats::kind, KIND);
        require(problems, "metadata.name", metadata.get("name"), FieldFormats::objectName, OBJECT_NAME);
        require(problems, "metadata.namespace", metadata.get("namespace"), FieldFormats::dnsLabel, DNS_LABEL);
        for (var e : fields(metadata.get("labels"))) {
            if (require(problems, "labels." + e.getKey(), text(e.getKey()), FieldFormats::labelOrAnnotationKey,
                    PREFIX_SUFFIX)) {
                require(problems, "labels." + e.getKey(), e.getValue(), FieldFormats::labelValue, OBJECT_NAME);
            }
        }
        for (var e : fields(metadata.get("annotations"))) {
            require(problems, "annotations." + e.getKey(), text(e.getKey()), FieldFormats::labelOrAnnotationKey,
                    PREFIX_SUFFIX);
        }
        JsonNode tags = metadata.get("tags");
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                require(problems, "tags." + i, tags.get(i), FieldFormats::tag, null);
            }
        }
        JsonNode links = metadata.get("links");
        if (links != null) {
            for (int i = 0; i < links.size(); i++) {
                JsonNode link = links.get(i);
                require(problems, "links." + i + ".url", link.get("url"), FieldFormats::url,
                        "a string that is a valid url");
                optional(problems, "links." + i + ".title", link.get("title"), FieldFormats::nonEmpty,
                        "a non empty string");
                optional(problems, "links." + i + ".icon", link.get("icon"), FieldFormats::nonEmpty,
                        "a non empty string");
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node == null || !node.isObject() ? List.of() : node::fields;
    }

    private static JsonNode text(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
    }

    private static void optional(List<EntityProblem> problems, String field, JsonNode value, Predicate<String> valid,
            String expectation) {
        if (value != null && !value.isNull()) {
            require(problems, field, value, valid, expectation);
        }
    }

    /** Backstage's {@code require(field, value, validator)}; returns whether the value passed. */
    private static boolean require(List<EntityProblem> problems, String field, JsonNode value,
            Predicate<String> valid, String expectation) {
        if (value == null || value.isNull()) {
            problems.add(new EntityProblem(Stage.POLICY, problemField(field), field + " must have a value"));
            return false;
        }
        if (value.isTextual() && valid.test(value.asText())) {
            return true;
        }
        String found = value.isTextual() ? value.asText() : value.toString();
        String detail = expectation == null ? "" : " expected " + expectation + " but found \"" + found + "\".";
        problems.add(new EntityProblem(Stage.POLICY, problemField(field),
                "\"" + field + "\" is not valid;" + detail + LEARN_MORE));
        return false;
    }

    /** Backstage names metadata fields without their "metadata." prefix in some messages; the field path keeps it. */
    private static String problemField(String field) {
        if (field.startsWith("labels.") || field.startsWith("annotations.") || field.startsWith("tags.")
                || field.startsWith("links.")) {
            return "metadata." + field;
        }
        return field;
    }
}
