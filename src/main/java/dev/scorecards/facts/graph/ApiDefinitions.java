package dev.scorecards.facts.graph;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much an API definition actually defines: operations of an OpenAPI document, channels of an
 * AsyncAPI one, types of a GraphQL schema, rpcs of a gRPC service. A definition that does not parse
 * counts as -1, one that parses but defines nothing as 0.
 */
final class ApiDefinitions {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern GRAPHQL_TYPE =
            Pattern.compile("\\b(type|interface|enum|input|union|scalar)\\s+[A-Za-z_]\\w*");
    private static final Pattern GRPC_RPC = Pattern.compile("\\brpc\\s+\\w+\\s*\\(");
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build());

    private ApiDefinitions() {
    }

    static int size(String type, String definition) {
        if (definition == null || definition.isBlank()) {
            return 0;
        }
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "openapi", "swagger" -> openApiOperations(definition);
            case "asyncapi" -> asyncApiChannels(definition);
            case "graphql" -> count(GRAPHQL_TYPE.matcher(definition));
            case "grpc" -> count(GRPC_RPC.matcher(definition));
            default -> 1;
        };
    }

    private static int openApiOperations(String definition) {
        JsonNode doc = parse(definition);
        if (doc == null) {
            return -1;
        }
        int n = 0;
        for (String section : new String[] {"paths", "webhooks"}) {
            for (JsonNode item : doc.path(section)) {
                var names = item.fieldNames();
                while (names.hasNext()) {
                    if (METHODS.contains(names.next().toLowerCase(Locale.ROOT))) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int asyncApiChannels(String definition) {
        JsonNode doc = parse(definition);
        if (doc == null) {
            return -1;
        }
        return doc.path("channels").size() + doc.path("operations").size();
    }

    private static JsonNode parse(String definition) {
        try {
            JsonNode doc = YAML.readTree(definition);
            return doc != null && doc.isObject() ? doc : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
