package dev.scorecards.api.access;

import dev.scorecards.catalog.model.EntityRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes the audit row of every request {@link AccessFilter} marked as a write, with the status of
 * its answer, before the answer leaves (so the caller can read its entry at once); refusals of
 * anonymous (401) and throttled (429) callers are counted in a metric instead.
 */
public class AuditFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    static final String AUDITED = AuditFilter.class.getName() + ".audited";

    /** What the audit row of a request needs beyond its response. */
    record Audited(String actor, Permissions.Rule rule) {
    }

    static final String REFUSALS = "scorecards.audit.refusals";

    private final AuditLog audit;
    private final MeterRegistry registry;

    @Inject
    AuditFilter(AuditLog audit, MeterRegistry registry) {
        this.audit = audit;
        this.registry = registry;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext ctx, ContainerResponseContext response) {
        if (!(ctx.getProperty(AUDITED) instanceof Audited a)) {
            return;
        }
        MultivaluedMap<String, String> params = ctx.getUriInfo().getPathParameters();
        String target = params.containsKey("kind") && params.containsKey("namespace") && params.containsKey("name")
                ? new EntityRef(params.getFirst("kind"), params.getFirst("namespace"), params.getFirst("name")).toString()
                : null;
        String method = ctx.getMethod();
        String path = ctx.getUriInfo().getPath();
        String query = ctx.getUriInfo().getRequestUri().getRawQuery();
        int status = response.getStatus();
        String refusal = status == 401 ? "anonymous" : status == 429 ? "throttled" : null;
        if (refusal != null) {
            // a flood of anonymous or throttled calls is counted, not stored: the log stays bounded
            Counter.builder(REFUSALS).description("Write requests refused to anonymous (401) or throttled (429)"
                    + " callers, counted instead of stored in the audit log").tag("reason", refusal)
                    .tag("operation", a.rule().operation()).register(registry).increment();
            return;
        }
        Runnable write = () -> {
            try {
                audit.record(a.actor(), method, path, query, a.rule().operation(), status, target);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record %s %s by %s in the audit log", method, path, a.actor());
            }
        };
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(write); // no write runs there today; never block the I/O thread
        } else {
            write.run();
        }
    }
}
