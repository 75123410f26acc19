package dev.scorecards.catalog.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON schema (a data file under {@code catalog/}) whose violations are worded as Backstage's AJV
 * validator words them: {@code /spec must have required property 'owner' - missingProperty: owner}.
 */
final class AjvStyleSchema {

    /** One violation: where (JSON pointer, "" for the root), the AJV keyword, and the AJV-worded text. */
    record Violation(String pointer, String keyword, String message) {
        /** The dot path of the field concerned, e.g. {@code spec.owner}. */
        String field(String property) {
            String path = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
            if (property == null || property.isEmpty()) {
                return path;
            }
            return path.isEmpty() ? property : path + "." + property;
        }
    }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).build();

    private final JsonSchema schema;

    private AjvStyleSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static AjvStyleSchema load(String resource) {
        try (InputStream in = AjvStyleSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new AjvStyleSchema(FACTORY.getSchema(in, CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations, outermost first, each paired with the field it concerns. */
    List<FieldViolation> validate(JsonNode node) {
        List<FieldViolation> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(node)) {
            String pointer = m.getInstanceLocation().toString();
            String keyword = m.getType();
            String property = m.getProperty();
            String ajv = switch (keyword) {
                case "required" -> "must have required property '" + property + "' - missingProperty: " + property;
                case "type" -> {
                    String type = expectedType(m);
                    yield "must be " + type + " - type: " + type;
                }
                case "minLength" -> "must NOT have fewer than 1 characters - limit: 1";
                case "enum" -> "must be equal to one of the allowed values - allowedValues: "
                        + enumValues(m);
                case "additionalProperties" -> "must NOT have additional properties - additionalProperty: " + property;
                case "pattern" -> "must match pattern \"" + argument(m, 1) + "\" - pattern: " + argument(m, 1);
                default -> m.getMessage();
            };
            String fieldProperty = keyword.equals("required") || keyword.equals("additionalProperties") ? property : null;
            Violation v = new Violation(pointer.equals("/") ? "" : pointer, keyword,
                    (pointer.isEmpty() || pointer.equals("/") ? "<root>" : pointer) + " " + ajv);
            out.add(new FieldViolation(v.field(fieldProperty), v));
        }
        out.sort(Comparator.comparingInt((FieldViolation f) -> f.violation().pointer().length())
                .thenComparing(f -> f.violation().pointer()));
        return out;
    }

    record FieldViolation(String field, Violation violation) {
    }

    private static String expectedType(ValidationMessage m) {
        JsonNode type = m.getSchemaNode();
        if (type != null && type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            return String.join(",", types);
        }
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        return argument(m, 1);
    }

    private static String enumValues(ValidationMessage m) {
        JsonNode values = m.getSchemaNode();
        if (values != null && values.isArray()) {
            List<String> out = new ArrayList<>();
            values.forEach(v -> out.add(v.asText()));
            return String.join(",", out);
        }
        return argument(m, 0);
    }

    private static String argument(ValidationMessage m, int i) {
        Object[] args = m.getArguments();
        if (args == null || args.length <= i) {
            return "";
        }
        return Arrays.stream(new Object[] {args[i]}).map(String::valueOf).collect(Collectors.joining());
    }
}
