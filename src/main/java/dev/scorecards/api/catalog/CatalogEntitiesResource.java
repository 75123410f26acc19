package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.csv.CsvFormat;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityFilter;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.push.CatalogAdmin;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Backstage's entity read API: {@code /api/catalog/entities…} and {@code /entity-facets}. */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogEntitiesResource {
    private final CatalogQueries catalog;
    private final CatalogAdmin admin;
    private final EntityListing listing;
    private final EntityAnswers answers;

    @Inject
    CatalogEntitiesResource(CatalogQueries catalog, CatalogAdmin admin, EntityListing listing, EntityAnswers answers) {
        this.catalog = catalog;
        this.admin = admin;
        this.listing = listing;
        this.answers = answers;
    }

    @GET
    @Path("/entities")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Response entities(@QueryParam("filter") List<String> filter, @QueryParam("fields") List<String> fields,
            @QueryParam("order") List<String> order, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context HttpHeaders headers) {
        List<EntityOrder> orders = order.stream().map(EntityOrder::parseOrderParam).toList();
        if (CsvFormat.asked(headers)) {
            return Response.ok(listing.csv(EntityFilter.parse(filter), orders, offset, limit)).build();
        }
        return listing.list(EntityFilter.parse(filter), EntityFields.parse(fields), orders, offset, limit, after);
    }

    @GET
    @Path("/entities/by-query")
    public String byQuery(@QueryParam("filter") List<String> filter,
            @QueryParam("fields") List<String> fields, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("orderField") List<String> orderField,
            @QueryParam("cursor") String cursor, @QueryParam("fullTextFilterTerm") String term,
            @QueryParam("fullTextFilterFields") List<String> termFields, @QueryParam("totalItems") String totalItems) {
        return answers.byQueryJson(filter, fields, limit, offset, orderField, cursor, term, termFields, totalItems);
    }

    @GET
    @Path("/entities/by-uid/{uid}")
    public Response byUid(@PathParam("uid") String uid, @QueryParam("fields") List<String> fields) {
        StoredEntity e = catalog.byUid(uid);
        if (e == null) {
            throw ServiceError.notFound("No entity with uid " + uid);
        }
        return Response.ok(EntityJson.render(e.json(), EntityFields.parse(fields))).build();
    }

    @DELETE
    @Path("/entities/by-uid/{uid}")
    public Response deleteByUid(@PathParam("uid") String uid) {
        admin.deleteByUid(uid);
        return Response.noContent().build();
    }

    @GET
    @Path("/entities/by-name/{kind}/{namespace}/{name}")
    public Uni<String> byName(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @QueryParam("fields") List<String> fields) {
        // the hot path: answered on the I/O thread when cached, read on a worker thread otherwise
        EntityRef ref = new EntityRef(kind, namespace, name);
        EntityFields f = EntityFields.parse(fields);
        StoredEntity cached = catalog.cached(ref);
        if (cached != null) {
            return Uni.createFrom().item(EntityJson.render(cached.json(), f));
        }
        return Uni.createFrom().item(() -> {
            StoredEntity e = catalog.byRef(ref);
            if (e == null) {
                throw notFound(kind, namespace, name);
            }
            return EntityJson.render(e.json(), f);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/entities/by-name/{kind}/{namespace}/{name}/ancestry")
    public Map<String, Object> ancestry(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        Map<String, Object> answer = answers.ancestry(kind + ":" + namespace + "/" + name);
        if (answer == null) {
            throw notFound(kind, namespace, name);
        }
        return answer;
    }

    @POST
    @Path("/entities/by-refs")
    public Map<String, Object> byRefs(@HeaderParam("Content-Type") String contentType, String body,
            @QueryParam("filter") List<String> filter, @QueryParam("fields") List<String> fields) {
        return answers.byRefs(JsonBody.object(contentType, body), filter, fields);
    }


    @GET
    @Path("/entity-facets")
    public String facets(@QueryParam("facet") List<String> facet, @QueryParam("filter") List<String> filter) {
        return answers.facetsJson(facet, filter);
    }

    static ServiceError notFound(String kind, String namespace, String name) {
        return ServiceError.notFound("No entity named '" + name + "' found, with kind '" + kind + "' in namespace '"
                + namespace + "'");
    }

    /** Stored JSON embedded as-is in a response built with Jackson. */
    static RawValue raw(String json) {
        return json == null ? null : new RawValue(json);
    }

}
