package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityCondition;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityPage;
import dev.scorecards.catalog.query.EntityPredicate;
import dev.scorecards.catalog.query.EntityQuery;
import dev.scorecards.catalog.query.FacetCount;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.paging.Cursors;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Backstage's predicate reads ({@code POST /entities/by-query} and {@code POST /entity-facets}): what
 * {@code @backstage/catalog-client} sends for {@code queryEntities({query})}, for a cursor whose JSON
 * holds {@code query}, and for {@code getEntityFacets({query})}.
 */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogQueryResource {
    private final CatalogQueries catalog;

    @Inject
    CatalogQueryResource(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    @POST
    @Path("/entities/by-query")
    public Map<String, Object> byQuery(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = PredicateRequests.optionalObject(contentType, body);
        int limit = PredicateRequests.number(request, "limit", 200);
        EntityQuery q;
        if (request.has("cursor")) {
            String cursor = request.get("cursor").isTextual() ? request.get("cursor").asText() : "";
            if (cursor.isEmpty()) {
                throw ServiceError.input("Cursor cannot be empty");
            }
            q = Cursors.decode(cursor, EntityQuery.class, "");
            q.condition();
        } else {
            q = PredicateRequests.initial(request);
        }
        int offset = request.has("cursor") ? 0 : PredicateRequests.number(request, "offset", 0);
        EntityPage page = catalog.query(q, Math.max(limit, 1), offset);
        return EntityAnswers.page(q, page, EntityFields.parse(PredicateRequests.strings(request, "fields")), limit > 0);
    }

    @POST
    @Path("/entity-facets")
    public Map<String, Object> facets(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = PredicateRequests.optionalObject(contentType, body);
        List<String> facets = PredicateRequests.strings(request, "facets").stream().filter(f -> !f.isEmpty()).toList();
        if (facets.isEmpty()) {
            throw ServiceError.input("Missing or empty facets parameter");
        }
        JsonNode query = request.get("query");
        Map<String, List<FacetCount>> counts = catalog.facets(facets,
                query == null ? EntityCondition.ALL : EntityPredicate.parse(query, "query"));
        return Map.of("facets", counts);
    }
}
