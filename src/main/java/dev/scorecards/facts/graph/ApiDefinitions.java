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
            case "openapi", "swagger" -> yaml(definition, Set.of("paths", "webhooks"), (k, v) -> hasOperation(v));
            case "asyncapi" -> yaml(definition, Set.of("channels", "operations"), (k, v) -> hasEntry(v));
            case "graphql" -> GRAPHQL_TYPE.matcher(definition).find();
            case "grpc" -> GRPC_RPC.matcher(definition).find();
            default -> true;
        };
    }

    /** Reads one entry's value (its first token current) to its end; tells whether it defines something. */
    private interface Entry {
        boolean defines(String key, JsonParser p) throws IOException;
    }

    /**
     * Whether the definition is a YAML mapping in which one of {@code sections} defines something. The
     * first document is read to its end either way, so that one that breaks further on defines nothing.
     */
    private static boolean yaml(String definition, Set<String> sections, Entry section) {
        try (JsonParser p = YAML.createParser(definition)) {
            return p.nextToken() == JsonToken.START_OBJECT
                    && anyEntry(p, (key, v) -> sections.contains(key) ? section.defines(key, v) : skip(v));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A map (or list) of path items of which one has an HTTP method among its keys. */
    private static boolean hasOperation(JsonParser p) throws IOException {
        return anyEntry(p, (path, item) -> item.isExpectedStartObjectToken()
                ? anyEntry(item, (method, operation) -> !skip(operation)
                        && METHODS.contains(method.toLowerCase(Locale.ROOT)))
                : skip(item));
    }

    /** A map or list with at least one entry. */
    private static boolean hasEntry(JsonParser p) throws IOException {
        return anyEntry(p, (key, v) -> !skip(v));
    }

    /**
     * Reads a mapping or list (its start token current) to its end, handing each entry's value to
     * {@code entry} with its key (null in a list); whether any entry defined something. Anything else
     * defines nothing.
     */
    private static boolean anyEntry(JsonParser p, Entry entry) throws IOException {
        if (!p.isExpectedStartObjectToken() && !p.isExpectedStartArrayToken()) {
            return false;
        }
        JsonToken end = p.isExpectedStartObjectToken() ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        boolean any = false;
        for (JsonToken t = next(p); t != end; t = next(p)) {
            String key = null;
            if (t == JsonToken.FIELD_NAME) {
                key = p.currentName();
                next(p);
            }
            any |= entry.defines(key, p);
        }
        return any;
    }

    /** Reads past the current value; always false (a skipped value defines nothing). */
    private static boolean skip(JsonParser p) throws IOException {
        p.skipChildren();
        return false;
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
