package dev.scorecards.catalog.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while this replica does not hear catalog changes (its database connection for
 * them is lost), since it could then serve entities other replicas have changed.
 */
@Readiness
@ApplicationScoped
public class CatalogChangesReadiness implements HealthCheck {
    private final EntityCache cache;

    @Inject
    CatalogChangesReadiness(EntityCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog changes").status(cache.listening()).build();
    }
}
