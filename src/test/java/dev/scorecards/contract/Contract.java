package dev.scorecards.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The OpenAPI contract in {@code openapi/openapi.yaml}: its operations and the schema of each response. */
public final class Contract {
    private static final Contract INSTANCE = new Contract();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    public static Contract get() {
        return INSTANCE;
    }

    private Contract() {
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation as {@code "GET /api/catalog/entities"}. */
    public Set<String> operations() {
        Set<String> out = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            var p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) {
                    out.add(m.toUpperCase() + " " + p.getKey());
                }
            });
        }
        return out;
    }

    /** The path template of the contract that a concrete path matches, or null. */
    public String template(String path) {
        String best = null;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext();) {
            String t = it.next();
            Pattern p = Pattern.compile("^" + t.replaceAll("\\{[^/]+}", "[^/]+") + "$");
            if (p.matcher(path).matches() && (best == null || literalLength(t) > literalLength(best))) {
                best = t;
            }
        }
        return best;
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^/]+}", "").length();
    }

    /** The response declared for this operation and status, or null when the contract has none. */
    public JsonNode response(String method, String template, int status) {
        JsonNode responses = document.path("paths").path(template).path(method.toLowerCase()).path("responses");
        JsonNode r = responses.get(String.valueOf(status));
        if (r == null) {
            r = responses.get(status / 100 + "XX");
        }
        if (r == null) {
            r = responses.get("default");
        }
        if (r != null && r.has("$ref")) {
            r = resolve(r.get("$ref").asText());
        }
        return r;
    }

    /** A validator for a JSON body schema of a response, with the contract's components beside it. */
    public JsonSchema schema(String key, JsonNode schema) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.setAll((ObjectNode) schema.deepCopy());
            root.set("components", document.get("components"));
            return factory.getSchema(root);
        });
    }

    JsonNode resolve(String ref) {
        JsonNode n = document;
        for (String part : ref.substring(2).split("/")) {
            n = n.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return n;
    }
}
