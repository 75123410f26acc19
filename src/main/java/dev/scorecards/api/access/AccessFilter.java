package dev.scorecards.api.access;

import dev.scorecards.errors.ErrorEnvelope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets a request reach its operation only if its caller may call it (the operation's role in
 * {@link Permissions}, enforced while OIDC is on) and is within its rate limit; marks writes, allowed
 * or refused, for the {@link AuditFilter}.
 */
public class AccessFilter {
    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    private final Permissions permissions;
    private final RateLimiter limiter;
    private final AccessConfig.Auth config;
    private final CurrentIdentityAssociation identities;
    private final IdentityFailure failures;
    private final boolean oidc;

    AccessFilter(Permissions permissions, RateLimiter limiter, AccessConfig.Auth config,
            CurrentIdentityAssociation identities, IdentityFailure failures, AccessConfig.Oidc oidc) {
        this.permissions = permissions;
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
        this.failures = failures;
        this.oidc = oidc.tenantEnabled();
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext ctx, ResourceInfo info, HttpServerRequest request) {
        Permissions.Rule rule = permissions.of(info.getResourceMethod());
        boolean readsPublic = !oidc || config.reads() == AccessConfig.Reads.PUBLIC;
        if (!rule.audited() && rule.limit() == null && rule.role().allows(null, readsPublic)) {
            return Uni.createFrom().nullItem(); // the hot path of public reads: the token is not even looked at
        }
        if (Context.isOnEventLoopThread()) {
            return identities.getDeferredIdentity().map(id -> decide(id, rule, readsPublic, ctx, request))
                    .onFailure().recoverWithItem(t -> refuse(t, rule, ctx, request));
        }
        // a worker thread (every blocking operation, so every write): decided here, no thread switch
        Response answer;
        try {
            answer = decide(identities.getDeferredIdentity().await().indefinitely(), rule, readsPublic, ctx, request);
        } catch (RuntimeException e) {
            answer = refuse(e, rule, ctx, request);
        }
        return Uni.createFrom().item(answer);
    }

    private Response decide(SecurityIdentity id, Permissions.Rule rule, boolean readsPublic,
            ContainerRequestContext ctx, HttpServerRequest request) {
        boolean anonymous = id == null || id.isAnonymous();
        String actor = anonymous ? "anonymous" : id.getPrincipal().getName();
        if (rule.audited()) {
            ctx.setProperty(AuditFilter.AUDITED, new AuditFilter.Audited(actor, rule));
        }
        if (rule.limit() != null) {
            String caller = anonymous ? "address " + request.remoteAddress().hostAddress() : "user " + actor;
            RateLimiter.Decision d = limiter.take(rule.limit(), caller);
            if (!d.allowed()) {
                return withHeader(ErrorEnvelope.envelope(429, "TooManyRequestsError", "Rate limit of " + d.limit()
                        + ("evaluate".equals(rule.limit()) ? " evaluations" : " writes") + " per minute reached for " + caller + "; retry in "
                        + d.retryAfterSeconds() + " s", Map.of(), request), "Retry-After", d.retryAfterSeconds());
            }
        }
        if (!oidc || rule.role().allows(id, readsPublic)) {
            return null;
        }
        String needs = rule.role() == Role.READ || rule.role() == Role.AUTHENTICATED ? "an authenticated caller"
                : "role " + rule.role().value();
        if (anonymous) {
            return withHeader(ErrorEnvelope.envelope(401, "AuthenticationError", rule.operation() + " needs " + needs
                    + "; send a bearer token", Map.of(), request), "WWW-Authenticate", "Bearer");
        }
        return ErrorEnvelope.envelope(403, "NotAllowedError", actor + " may not call " + rule.operation()
                + ": it needs " + needs, Map.of(), request);
    }

    private Response refuse(Throwable failure, Permissions.Rule rule, ContainerRequestContext ctx,
            HttpServerRequest request) {
        if (rule.audited()) {
            ctx.setProperty(AuditFilter.AUDITED, new AuditFilter.Audited("anonymous", rule));
        }
        if (failures.providerUnreachable(failure)) {
            long retry = config.unavailableRetryAfter().toSeconds();
            return withHeader(ErrorEnvelope.envelope(503, "ServiceUnavailableError", "The identity provider cannot"
                    + " be reached to verify the request's token; retry in " + retry + " s", Map.of(), request),
                    "Retry-After", retry);
        }
        LOG.debugf(failure, "Token refused on %s", rule.operation());
        return withHeader(ErrorEnvelope.envelope(401, "AuthenticationError", "The request's bearer token is not"
                + " valid (expired, wrongly signed or for another issuer or audience)", Map.of(), request),
                "WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /** The response with header {@code name} set to {@code value} only (the envelope gives every 503 its own Retry-After). */
    private static Response withHeader(Response r, String name, Object value) {
        return Response.fromResponse(r).header(name, null).header(name, value).build();
    }
}
