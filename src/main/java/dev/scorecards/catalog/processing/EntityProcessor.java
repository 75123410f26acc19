package dev.scorecards.catalog.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityProblem.Stage;
import dev.scorecards.catalog.model.EntityProblem;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.ProcessedEntity;
import dev.scorecards.catalog.model.Relation;
import dev.scorecards.catalog.model.SearchDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs Backstage's processing steps over one document: policies, the kind's schema, relation
 * extraction and search indexing, and normalises what passes into a {@link ProcessedEntity}.
 */
@ApplicationScoped
public class EntityProcessor {
    static final String VIEW_URL = "backstage.io/view-url";
    static final String EDIT_URL = "backstage.io/edit-url";
    static final String REJECTED_URL = "https://backstage.io/annotation-rejected-for-security-reasons";
    private static final Pattern SCRIPT_PROTOCOL = Pattern.compile(
            "^[\\u0000-\\u001F ]*j[\\r\\n\\t]*a[\\r\\n\\t]*v[\\r\\n\\t]*a[\\r\\n\\t]*s[\\r\\n\\t]*c[\\r\\n\\t]*r[\\r\\n\\t]*i[\\r\\n\\t]*p[\\r\\n\\t]*t[\\r\\n\\t]*:",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> ROOT_ORDER = List.of("apiVersion", "kind", "metadata", "spec");

    private final ObjectMapper json = new ObjectMapper();
    private final EntityPolicies policies = new EntityPolicies();
    private final KindSchemas kinds = new KindSchemas();
    private final RelationRules relationRules = RelationRules.get();

    /** Processes one parsed document (normalising it in place); never throws for bad input, it reports it. */
    public ProcessingResult process(JsonNode document) {
        List<EntityProblem> problems = new ArrayList<>();
        if (document == null || !document.isObject()) {
            problems.add(new EntityProblem(Stage.DOCUMENT, "",
                    "Expected object at root, got " + typeName(document)));
            return new ProcessingResult(null, null, problems);
        }
        ObjectNode entity = (ObjectNode) document;
        // Like Backstage, processing stops at the first step that fails, and reports its first error.
        policies.enforce(entity, problems);
        if (!problems.isEmpty()) {
            return failed(problems.get(0).message().startsWith("Malformed envelope") ? bestEffortRef(entity)
                    : refOf(entity).toString(), problems);
        }
        EntityRef ref = refOf(entity);
        relationRules.sortSpecArrays(entity);
        kinds.validate(entity, ref.toString(), problems);
        if (!problems.isEmpty()) {
            return failed(ref.toString(), problems);
        }
        List<Relation> relations = relationRules.derive(entity, ref, problems);
        if (!problems.isEmpty()) {
            return failed(ref.toString(), problems);
        }
        neutraliseScriptUrls((ObjectNode) entity.get("metadata"));
        // the catalog assigns these (an entity exported from a Backstage catalog carries its old ones)
        ((ObjectNode) entity.get("metadata")).remove(List.of("uid", "etag"));
        SearchDocument search = SearchDocument.of(entity, problems);
        if (!problems.isEmpty()) {
            return failed(ref.toString(), problems);
        }
        ObjectNode normalised = inBackstageOrder(entity);
        String[] split = split(normalised);
        return new ProcessingResult(new ProcessedEntity(ref, normalised, split[0], split[1], relations, search,
                hash(split[0] + split[1])), ref.toString(), problems);
    }

    private static ProcessingResult failed(String ref, List<EntityProblem> problems) {
        return new ProcessingResult(null, ref, List.of(problems.get(0)));
    }

    private static EntityRef refOf(ObjectNode entity) {
        JsonNode metadata = entity.get("metadata");
        return new EntityRef(entity.get("kind").asText(), metadata.get("namespace").asText(),
                metadata.get("name").asText());
    }

    private static String bestEffortRef(ObjectNode entity) {
        JsonNode kind = entity.get("kind");
        JsonNode name = entity.path("metadata").get("name");
        if (kind == null || !kind.isTextual() || name == null || !name.isTextual() || kind.asText().isEmpty()
                || name.asText().isEmpty()) {
            return null;
        }
        JsonNode ns = entity.path("metadata").get("namespace");
        return new EntityRef(kind.asText(), ns != null && ns.isTextual() && !ns.asText().isEmpty() ? ns.asText()
                : EntityRef.DEFAULT_NAMESPACE, name.asText()).toString();
    }

    private static void neutraliseScriptUrls(ObjectNode metadata) {
        JsonNode annotations = metadata.get("annotations");
        if (annotations instanceof ObjectNode a) {
            for (String key : List.of(VIEW_URL, EDIT_URL)) {
                JsonNode v = a.get(key);
                if (v != null && v.isTextual() && SCRIPT_PROTOCOL.matcher(v.asText()).find()) {
                    a.put(key, REJECTED_URL);
                }
            }
        }
    }

    private ObjectNode inBackstageOrder(ObjectNode entity) {
        ObjectNode out = json.createObjectNode();
        for (String field : ROOT_ORDER) {
            if (entity.has(field)) {
                out.set(field, entity.get(field));
            }
        }
        return out;
    }

    /** The entity's JSON text cut where its metadata object ends: {@code [head, tail]}, whole = head + tail + "}". */
    private String[] split(ObjectNode entity) {
        try {
            StringBuilder head = new StringBuilder("{\"apiVersion\":")
                    .append(json.writeValueAsString(entity.get("apiVersion")))
                    .append(",\"kind\":").append(json.writeValueAsString(entity.get("kind")))
                    .append(",\"metadata\":");
            String metadata = json.writeValueAsString(entity.get("metadata"));
            head.append(metadata, 0, metadata.length() - 1);
            String tail = entity.has("spec") ? "},\"spec\":" + json.writeValueAsString(entity.get("spec")) : "}";
            return new String[] {head.toString(), tail};
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeName(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

}
