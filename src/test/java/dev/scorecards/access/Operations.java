package dev.scorecards.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.contract.Contract;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The contract's operations with the role each declares, and a concrete URL to call each with. */
final class Operations {
    static final Set<String> WRITE_METHODS = Set.of("post", "put", "delete", "patch");
    private static final Map<String, String> VALUES = Map.of("kind", "component", "namespace", "default",
            "name", "access-matrix", "uid", "no-such-uid", "id", "00000000-0000-0000-0000-000000000000");

    /** One operation: method (upper case), path template, declared role (null when none) and a URL. */
    record Operation(String method, String template, String role, String url) {
        String name() {
            return method + " " + template;
        }
    }

    private Operations() {
    }

    /** Every operation of the contract whose method is in {@code methods} (lower case). */
    static List<Operation> all(Set<String> methods) {
        List<Operation> out = new ArrayList<>();
        JsonNode paths = Contract.get().document().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                if (methods.contains(op.getKey())) {
                    String url = path.getKey();
                    for (String param : url.replaceAll("[^{}]*\\{([^}]+)}[^{}]*", "$1 ").trim().split(" ")) {
                        if (!param.isEmpty()) {
                            url = url.replace("{" + param + "}", VALUES.getOrDefault(param, "x"));
                        }
                    }
                    out.add(new Operation(op.getKey().toUpperCase(), path.getKey(),
                            op.getValue().path("x-scorecards-role").asText(null), url));
                }
            }
        }
        return out;
    }
}
