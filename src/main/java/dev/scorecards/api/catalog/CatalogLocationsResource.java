package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.ingest.location.Location;
import dev.scorecards.ingest.location.LocationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

    private final LocationService locations;

    @Inject
    CatalogLocationsResource(LocationService locations) {
        this.locations = locations;
    }

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
        return LocationPages.page(locations, PredicateRequests.optionalObject(contentType, body));
    }

    /** {@code updateLocation}: the same location (id and entity) read from a new type and target. */
    @PUT
    @Path("/{id}")
    public Location update(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = BodySchema.object(JsonBody.value(contentType, body), "request/body", Set.of("type", "target"),
                "type", "target");
        return locations.update(id, BodySchema.string(request, "request/body", "type"),
                BodySchema.string(request, "request/body", "target"));
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
