package dev.scorecards.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.OpenApiDocument;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Who may call each operation and which rate limit it counts against, read once from the
 * {@code x-scorecards-role} and {@code x-scorecards-rate-limit} extensions of the contract
 * ({@code openapi/openapi.yaml}); a write operation without a role stops the service at startup.
 */
@Startup
@ApplicationScoped
public class Permissions {
    private static final Logger LOG = Logger.getLogger(Permissions.class);
    static final String ROLE = "x-scorecards-role";
    static final String LIMIT = "x-scorecards-rate-limit";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> LIMITS = Set.of("writes", "evaluate", "none");
    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(GET.class, "GET",
            POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH", HEAD.class, "HEAD");

    /** One operation's rule: its role, the rate limit it counts against (null: none), and whether it is audited. */
    public record Rule(String operation, Role role, String limit, boolean audited) {
    }

    private final Map<String, Rule> byOperation = new HashMap<>();
    private final Map<Method, Rule> byMethod = new ConcurrentHashMap<>();

    @Inject
    public Permissions(OpenApiDocument document) {
        JsonNode contract = document.contract();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!WRITE_METHODS.contains(method) && !Set.of("GET", "HEAD").contains(method)) {
                    continue;
                }
                String operation = method + " " + path.getKey();
                Rule rule = rule(operation, method, op.getValue(), problems);
                if (rule != null) {
                    byOperation.put(operation, rule);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("openapi.yaml: " + String.join("; ", problems));
        }
    }

    private static Rule rule(String operation, String method, JsonNode op, List<String> problems) {
        boolean write = WRITE_METHODS.contains(method);
        String declared = op.path(ROLE).asText(null);
        Role role = declared == null ? (write ? null : Role.READ) : Role.of(declared);
        if (role == null) {
            problems.add(operation + (declared == null ? " declares no " + ROLE : " has unknown " + ROLE + " '" + declared + "'"));
            return null;
        }
        boolean changes = write && role.restricted();
        String limit = op.path(LIMIT).asText(changes ? "writes" : "none");
        if (!LIMITS.contains(limit)) {
            problems.add(operation + " has unknown " + LIMIT + " '" + limit + "' (one of " + LIMITS + ")");
            return null;
        }
        return new Rule(operation, role, "none".equals(limit) ? null : limit, changes);
    }

    /** Every operation of the contract with its rule, keyed as {@code "POST /api/catalog/ingest"}. */
    public Map<String, Rule> all() {
        return Map.copyOf(byOperation);
    }

    /** The rule of the operation a JAX-RS method implements. */
    public Rule of(Method resourceMethod) {
        return byMethod.computeIfAbsent(resourceMethod, this::lookUp);
    }

    private Rule lookUp(Method m) {
        String operation = httpMethod(m) + " " + template(m);
        Rule rule = byOperation.get(operation);
        if (rule != null) {
            return rule;
        }
        // not in the contract (e.g. an HTML page): reads follow scorecards.auth.reads, anything else is for admins
        LOG.warnf("%s is not in openapi.yaml; treated as %s", operation, WRITE_METHODS.contains(httpMethod(m)) ? "admin-only" : "a read");
        return WRITE_METHODS.contains(httpMethod(m)) ? new Rule(operation, Role.ADMIN, "writes", true)
                : new Rule(operation, Role.READ, null, false);
    }

    private static String httpMethod(Method m) {
        return HTTP_METHODS.entrySet().stream().filter(e -> m.isAnnotationPresent(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("OTHER");
    }

    private static String template(Method m) {
        Path base = m.getDeclaringClass().getAnnotation(Path.class);
        Path sub = m.getAnnotation(Path.class);
        return ((base == null ? "" : base.value()) + (sub == null ? "" : "/" + sub.value()))
                .replaceAll("/+", "/").replaceAll("(.)/$", "$1").replaceAll("\\{([^:}]+):[^}]*}", "{$1}");
    }
}
