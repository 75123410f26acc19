package dev.scorecards.mcp;

import dev.scorecards.api.access.AccessConfig;
import dev.scorecards.api.access.IdentityFailure;
import dev.scorecards.api.access.Role;
import dev.scorecards.errors.ErrorEnvelope;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The MCP endpoint follows the REST API's access rules: its tools are reads ({@link Role#READ}), so while
 * OIDC is on and {@code scorecards.auth.reads=authenticated} every request to {@code /mcp} needs a valid
 * bearer token, answered as the REST API answers: 401 without one or with a bad one, 503 while the
 * identity provider cannot be reached, in Backstage's error envelope. With public reads the token is not
 * even looked at, as for the REST API's public reads. The older HTTP/SSE transport ({@code /mcp/sse},
 * {@code /mcp/messages/…}) is not served: a 404 in the envelope.
 */
@ApplicationScoped
public class McpAccess {
    /** After Quarkus' authentication filter (order -200), which leaves the caller's deferred identity. */
    static final int ORDER = -50;

    private final AccessConfig.Auth config;
    private final IdentityFailure failures;
    private final boolean oidc;
    private final String root;

    McpAccess(AccessConfig.Auth config, IdentityFailure failures, AccessConfig.Oidc oidc, McpConfig mcp) {
        this.config = config;
        this.failures = failures;
        this.oidc = oidc.tenantEnabled();
        this.root = mcp.rootPath();
    }

    void install(@Observes Router router) {
        // the extension always serves the deprecated HTTP/SSE transport (2024-11-05) beside streamable HTTP and
        // has no setting to turn it off: both of its paths are refused as paths the service does not have
        router.route(root + "/sse").order(ORDER - 1).handler(this::notServed);
        router.route(root + "/messages/*").order(ORDER - 1).handler(this::notServed);
        router.route(root).order(ORDER).handler(this::check);
        router.route(root + "/*").order(ORDER).handler(this::check);
    }

    private void check(RoutingContext rc) {
        boolean readsPublic = !oidc || config.reads() == AccessConfig.Reads.PUBLIC;
        if (Role.READ.allows(null, readsPublic)) {
            rc.next();
            return;
        }
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(rc, null);
        if (identity == null) {
            refuse(rc, 401, "AuthenticationError", "The MCP endpoint needs an authenticated caller; send a bearer token",
                    "Bearer");
            return;
        }
        // a token that fails is answered here, not by the default handler (which would fail the route)
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) this::failed);
        identity.subscribe().with(id -> {
            if (Role.READ.allows(id, false)) {
                rc.next();
            } else {
                refuse(rc, 401, "AuthenticationError", "The MCP endpoint needs an authenticated caller; send a bearer"
                        + " token", "Bearer");
            }
        }, failure -> failed(rc, failure));
    }

    private void notServed(RoutingContext rc) {
        refuse(rc, 404, "NotFoundError", "No route for " + rc.request().method() + " " + rc.request().path()
                + "; the MCP server speaks streamable HTTP only, at " + root, null);
    }

    private void failed(RoutingContext rc, Throwable failure) {
        if (failures.providerUnreachable(failure)) {
            long retry = config.unavailableRetryAfter().toSeconds();
            rc.response().putHeader("Retry-After", String.valueOf(retry));
            refuse(rc, 503, "ServiceUnavailableError", "The identity provider cannot be reached to verify the"
                    + " request's token; retry in " + retry + " s", null);
        } else {
            refuse(rc, 401, "AuthenticationError", "The request's bearer token is not valid (expired, wrongly"
                    + " signed or for another issuer or audience)", "Bearer error=\"invalid_token\"");
        }
    }

    private static void refuse(RoutingContext rc, int status, String name, String message, String challenge) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        if (challenge != null) {
            rc.response().putHeader("WWW-Authenticate", challenge);
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(ErrorEnvelope.body(status, name, message, Map.of(), rc.request()));
    }
}
