package dev.scorecards.facts.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an API definition actually defines something: an operation of an OpenAPI document, a channel
 * or operation of an AsyncAPI one, a type of a GraphQL schema, an rpc of a gRPC service. A definition
 * that does not parse defines nothing. YAML definitions are read as a stream of tokens, never as a tree.
 */
final class ApiDefinitions {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern GRAPHQL_TYPE =
            Pattern.compile("\\b(type|interface|enum|input|union|scalar)\\s+[A-Za-z_]\\w*");
    private static final Pattern GRPC_RPC = Pattern.compile("\\brpc\\s+\\w+\\s*\\(");
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();

    private ApiDefinitions() {
    }

    static boolean defines(String type, String definition) {
        if (definition == null || definition.isBlank()) {
            return false;
        }
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "openapi", "swagger" -> yaml(definition, Set.of("paths", "webhooks"), ApiDefinitions::hasOperation);
            case "asyncapi" -> yaml(definition, Set.of("channels", "operations"), ApiDefinitions::hasEntry);
            case "graphql" -> GRAPHQL_TYPE.matcher(definition).find();
            case "grpc" -> GRPC_RPC.matcher(definition).find();
            default -> true;
        };
    }

    /** Tells from a section's value, its first token current, whether it defines something; reads it whole. */
    private interface Section {
        boolean defines(JsonParser p) throws IOException;
    }

    /**
     * Whether the definition is a YAML mapping in which one of {@code sections} defines something. The
     * first document is read to its end either way, so that one that breaks further on defines nothing.
     */
    private static boolean yaml(String definition, Set<String> sections, Section section) {
        try (JsonParser p = YAML.createParser(definition)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean defined = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean counted = sections.contains(p.currentName());
                next(p);
                if (counted) {
                    defined |= section.defines(p);
                } else {
                    p.skipChildren();
                }
            }
            return defined && p.hasToken(JsonToken.END_OBJECT);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A map (or list) of path items of which one has an HTTP method among its keys. */
    private static boolean hasOperation(JsonParser p) throws IOException {
        if (!p.isExpectedStartObjectToken() && !p.isExpectedStartArrayToken()) {
            return false;
        }
        boolean found = false;
        JsonToken end = p.isExpectedStartObjectToken() ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        for (JsonToken t = next(p); t != end; t = next(p)) {
            if (t == JsonToken.FIELD_NAME) {
                continue;
            }
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    found |= METHODS.contains(p.currentName().toLowerCase(Locale.ROOT));
                    next(p);
                    p.skipChildren();
                }
                if (!p.hasToken(JsonToken.END_OBJECT)) {
                    throw new IOException("a path item ends early");
                }
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    /** A map or list with at least one entry. */
    private static boolean hasEntry(JsonParser p) throws IOException {
        if (!p.isExpectedStartObjectToken() && !p.isExpectedStartArrayToken()) {
            return false;
        }
        boolean any = false;
        JsonToken end = p.isExpectedStartObjectToken() ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        for (JsonToken t = next(p); t != end; t = next(p)) {
            any = true;
            if (t != JsonToken.FIELD_NAME) {
                p.skipChildren();
            }
        }
        return any;
    }

    /** The next token; the input ending inside a mapping or list is an error. */
    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new IOException("the definition ends inside a mapping or list");
        }
        return t;
    }
}
