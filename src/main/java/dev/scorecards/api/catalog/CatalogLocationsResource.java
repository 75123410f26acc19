package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.ingest.location.Location;
import dev.scorecards.ingest.location.LocationService;
import dev.scorecards.paging.Cursors;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Backstage's locations API: {@code /api/catalog/locations…}. */
@Path("/api/catalog/locations")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogLocationsResource {
    private static final Set<String> FIELDS = Set.of("type", "target", "presence");

    @Inject
    LocationService locations;

    @POST
    public Response register(@HeaderParam("Content-Type") String contentType, String body,
            @QueryParam("dryRun") String dryRun) {
        JsonNode request = JsonBody.object(contentType, body);
        request.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw dev.scorecards.errors.ServiceError.input("Malformed request: Unrecognized key(s) in object: '"
                        + f + "'");
            }
        });
        boolean dry = dryRun != null && List.of("true", "yes", "y", "1", "on").contains(dryRun.toLowerCase());
        var r = locations.register(JsonBody.text(request, "type"), JsonBody.text(request, "target"), dry);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", r.location());
        out.put("entities", r.entities());
        if (r.exists() != null) {
            out.put("exists", r.exists());
        }
        return Response.status(201).entity(out).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table list() {
        List<Location> all = locations.list();
        return Table.of("locations.csv", CsvColumns.LOCATIONS, all, all.stream().map(l -> Map.of("data", l)).toList());
    }

    /** {@code queryLocations} and {@code streamLocations}: a predicate over id, type, target and entityRef, by id. */
    @POST
    @Path("/by-query")
    public Map<String, Object> byQuery(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = PredicateRequests.optionalObject(contentType, body);
        LocationCursor c;
        if (request.has("cursor")) {
            String cursor = request.get("cursor").asText("");
            if (cursor.isEmpty()) {
                throw dev.scorecards.errors.ServiceError.input("Cursor cannot be empty");
            }
            c = Cursors.decode(cursor, LocationCursor.class, "location");
            if (c.limit() < 1) {
                throw dev.scorecards.errors.ServiceError.input("Malformed cursor: limit must be at least 1");
            }
        } else {
            JsonNode limit = request.get("limit");
            if (limit != null && (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > Integer.MAX_VALUE)) {
                throw dev.scorecards.errors.ServiceError.input("Limit must be a positive integer >= 1");
            }
            c = new LocationCursor(limit == null ? 1000 : limit.asInt(), null, request.get("query"));
        }
        if (c.query() != null) {
            dev.scorecards.catalog.query.EntityPredicate.parse(c.query(), "query");
        }
        LocationService.LocationPage page = locations.query(c.query(), c.afterId(), c.limit() + 1);
        boolean more = page.items().size() > c.limit();
        List<Location> items = more ? page.items().subList(0, c.limit()) : page.items();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (more) {
            pageInfo.put("nextCursor", Cursors.encodeStandard(
                    new LocationCursor(c.limit(), items.get(items.size() - 1).id(), c.query())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("totalItems", page.totalItems());
        out.put("pageInfo", pageInfo);
        return out;
    }

    /** What a locations cursor carries, as Backstage's does: page size, last id, predicate. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record LocationCursor(int limit, String afterId, JsonNode query) {
    }

    @GET
    @Path("/{id}")
    public Location get(@PathParam("id") String id) {
        return locations.get(id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        locations.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/by-entity/{kind}/{namespace}/{name}")
    public Location byEntity(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        return locations.byEntity(kind, namespace, name);
    }
}
