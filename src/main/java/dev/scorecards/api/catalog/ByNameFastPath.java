package dev.scorecards.api.catalog;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.query.CatalogQueries;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code GET /api/catalog/entities/by-name/{kind}/{namespace}/{name}} answered straight from the
 * entity cache on the I/O thread when the entity is cached and no {@code fields} are asked for;
 * everything else (misses, projections, 404s) falls through to {@link CatalogEntitiesResource}.
 * The hottest read of Backstage's frontend, so it skips the REST layer's per-request work (not installed
 * when reads need a token).
 */
@ApplicationScoped
public class ByNameFastPath {
    private final CatalogQueries catalog;
    private final dev.scorecards.api.access.AccessConfig.Auth auth;
    private final boolean oidc;

    @Inject
    ByNameFastPath(CatalogQueries catalog, dev.scorecards.api.access.AccessConfig.Auth auth,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc) {
        this.catalog = catalog;
        this.auth = auth;
        this.oidc = oidc;
    }

    void install(@Observes Router router) {
        if (oidc && auth.reads() == dev.scorecards.api.access.AccessConfig.Reads.AUTHENTICATED) {
            return; // reads need a token, which only the REST layer checks
        }
        router.route(HttpMethod.GET, "/api/catalog/entities/by-name/:kind/:namespace/:name")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rc -> {
                    if (rc.request().query() == null) {
                        StoredEntity e = catalog.cached(new EntityRef(rc.pathParam("kind"), rc.pathParam("namespace"),
                                rc.pathParam("name")));
                        if (e != null) {
                            rc.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(e.json());
                            return;
                        }
                    }
                    rc.next();
                });
    }
}
