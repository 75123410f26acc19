package dev.scorecards.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.contract.Contract;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The contract's access declarations (no service needed): every write names a known role, badges are
 * anonymous (but the badge id is for authenticated callers), Tech Insights endpoints and web pages
 * are reads, and every operation declares the refusals its role can produce (401, 403, 429, 503), so
 * that clients and the contract filter know them.
 */
class AccessContractTest {
    private static final Set<String> ROLES = Set.of("anonymous", "read", "authenticated", "scorecards-writer",
            "scorecards-admin");
    private static final String BADGE_ID = "/api/scorecards/badges/{kind}/{namespace}/{name}/id";

    @Test
    void everyOperationDeclaresItsRoleAndTheRefusalsItCanGet() {
        List<String> problems = new ArrayList<>();
        JsonNode paths = Contract.get().document().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                String method = op.getKey();
                if (!Set.of("get", "head", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                boolean write = Operations.WRITE_METHODS.contains(method);
                String role = op.getValue().path("x-scorecards-role").asText(write ? null : "read");
                if (role == null || !ROLES.contains(role)) {
                    problems.add(name + ": x-scorecards-role " + role + " (one of " + new TreeSet<>(ROLES) + ")");
                    continue;
                }
                String badgeRole = path.getKey().equals(BADGE_ID) ? "authenticated" : "anonymous";
                if (path.getKey().startsWith("/api/scorecards/badges/") && !role.equals(badgeRole)) {
                    problems.add(name + ": should be " + badgeRole + ", not " + role);
                }
                if (path.getKey().startsWith("/api/catalog/backstage/") && !role.equals("scorecards-admin")) {
                    problems.add(name + ": pulling from Backstage is for admins, not " + role);
                }
                if (op.getValue().path("tags").toString().equals("[\"web\"]") && !role.equals("read")) {
                    problems.add(name + ": web pages follow the reads setting, not " + role);
                }
                if (path.getKey().startsWith("/api/tech-insights/") && !role.equals("read")) {
                    problems.add(name + ": Tech Insights endpoints are reads, not " + role);
                }
                boolean restricted = !role.equals("anonymous") && !role.equals("read");
                String limit = op.getValue().path("x-scorecards-rate-limit").asText(write && restricted ? "writes" : "none");
                Set<String> needed = new TreeSet<>();
                if (!role.equals("anonymous")) {
                    needed.addAll(Set.of("401", "503"));
                }
                if (role.startsWith("scorecards-")) {
                    needed.add("403");
                }
                if (!limit.equals("none")) {
                    needed.add("429");
                }
                JsonNode responses = op.getValue().path("responses");
                for (String status : needed) {
                    if (!responses.has(status)) {
                        problems.add(name + " (" + role + ") declares no " + status + " response");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
