package dev.scorecards.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityFilter;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.catalog.query.EntityPage;
import dev.scorecards.catalog.query.EntityQuery;
import dev.scorecards.catalog.query.FacetCount;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.push.CatalogAdmin;
import dev.scorecards.paging.Cursors;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Backstage's entity read API: {@code /api/catalog/entities…} and {@code /entity-facets}. */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogEntitiesResource {
    @Inject
    CatalogQueries catalog;
    @Inject
    CatalogAdmin admin;
    @Inject
    EntityListing listing;

    @GET
    @Path("/entities")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Response entities(@QueryParam("filter") List<String> filter, @QueryParam("fields") List<String> fields,
            @QueryParam("order") List<String> order, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("after") String after,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        List<EntityOrder> orders = order.stream().map(EntityOrder::parseOrderParam).toList();
        if (CsvTable.wanted(format, accept)) {
            return listing.csv(EntityFilter.parse(filter), orders, offset, limit);
        }
        return listing.list(EntityFilter.parse(filter), EntityFields.parse(fields), orders, offset, limit, after);
    }

    @GET
    @Path("/entities/by-query")
    public Map<String, Object> byQuery(@QueryParam("filter") List<String> filter,
            @QueryParam("fields") List<String> fields, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("orderField") List<String> orderField,
            @QueryParam("cursor") String cursor, @QueryParam("fullTextFilterTerm") String term,
            @QueryParam("fullTextFilterFields") List<String> termFields, @QueryParam("totalItems") String totalItems) {
        int pageSize = EntityListing.intParam("limit", limit, 200, 1);
        int skip = EntityListing.intParam("offset", offset, 0, 0);
        EntityQuery q;
        if (cursor != null && !cursor.isEmpty()) {
            q = Cursors.decode(cursor, EntityQuery.class, "");
        } else {
            List<String> tf = new ArrayList<>();
            termFields.forEach(f -> java.util.Arrays.stream(f.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).forEach(s -> tf.add(s.toLowerCase(Locale.ROOT))));
            String t = term == null || term.isBlank() ? null : term.trim().toLowerCase(Locale.ROOT);
            EntityOrder o = orderField.isEmpty() ? null : EntityOrder.parseOrderField(orderField.get(0));
            q = new EntityQuery(filter, o, t, tf, null, null, false, "exclude".equals(totalItems) ? 0L : null);
        }
        EntityPage page = catalog.query(q, pageSize, skip);
        EntityFields f = EntityFields.parse(fields);
        Map<String, Object> pageInfo = new java.util.LinkedHashMap<>();
        if (page.next() != null) {
            pageInfo.put("nextCursor", Cursors.encode(page.next()));
        }
        if (page.previous() != null) {
            pageInfo.put("prevCursor", Cursors.encode(page.previous()));
        }
        return Map.of("items", page.items().stream().map(e -> raw(EntityJson.render(e, f))).toList(),
                "totalItems", page.totalItems(), "pageInfo", pageInfo);
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
        String ref = kind + ":" + namespace + "/" + name;
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
        List<StoredEntity> chain = catalog.ancestry(kind + ":" + namespace + "/" + name);
        if (chain.isEmpty()) {
            throw notFound(kind, namespace, name);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredEntity e : chain) {
            items.add(Map.of("entity", raw(e.json()),
                    "parentEntityRefs", e.parentRef() == null ? List.of() : List.of(e.parentRef())));
        }
        return Map.of("rootEntityRef", chain.get(0).ref(), "items", items);
    }

    @POST
    @Path("/entities/by-refs")
    public Map<String, Object> byRefs(@HeaderParam("Content-Type") String contentType, String body,
            @QueryParam("filter") List<String> filter, @QueryParam("fields") List<String> fields) {
        JsonNode request = JsonBody.object(contentType, body);
        JsonNode refs = request.get("entityRefs");
        if (refs == null || !refs.isArray()) {
            throw ServiceError.input("Malformed request: entityRefs must be an array of strings");
        }
        List<String> wanted = new ArrayList<>();
        refs.forEach(r -> wanted.add(r.asText()));
        List<String> fieldParams = new ArrayList<>(fields);
        request.path("fields").forEach(f -> fieldParams.add(f.asText()));
        EntityFields f = EntityFields.parse(fieldParams);
        List<Object> items = new ArrayList<>();
        for (StoredEntity e : catalog.byRefs(wanted, EntityFilter.parse(filter))) {
            items.add(e == null ? null : raw(EntityJson.render(e.json(), f)));
        }
        return Map.of("items", items);
    }

    @GET
    @Path("/entity-facets")
    public Map<String, Object> facets(@QueryParam("facet") List<String> facet, @QueryParam("filter") List<String> filter) {
        if (facet.isEmpty()) {
            throw ServiceError.input("Missing facet parameter");
        }
        Map<String, List<FacetCount>> facets = catalog.facets(facet, EntityFilter.parse(filter));
        return Map.of("facets", facets);
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
