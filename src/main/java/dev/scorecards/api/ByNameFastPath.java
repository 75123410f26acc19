package dev.scorecards.api;

import dev.scorecards.catalog.CatalogQueries;
import dev.scorecards.catalog.StoredEntity;
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
 * The hottest read of Backstage's frontend, so it skips the REST layer's per-request work.
 */
@ApplicationScoped
public class ByNameFastPath {
    @Inject
    CatalogQueries catalog;

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/api/catalog/entities/by-name/:kind/:namespace/:name")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(rc -> {
                    if (rc.request().query() == null) {
                        StoredEntity e = catalog.cached(rc.pathParam("kind") + ":" + rc.pathParam("namespace") + "/"
                                + rc.pathParam("name"));
                        if (e != null) {
                            rc.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(e.json());
                            return;
                        }
                    }
                    rc.next();
                });
    }
}
