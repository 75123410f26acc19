package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.ingest.location.LocationService;
import dev.scorecards.ingest.push.IngestService;
import dev.scorecards.ingest.source.IngestResult;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes into the catalog: push ingestion (our addition), Backstage's validate-entity and refresh. */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogIngestResource {
    private final IngestService ingest;
    private final LocationService locations;

    @Inject
    CatalogIngestResource(IngestService ingest, LocationService locations) {
        this.ingest = ingest;
        this.locations = locations;
    }

    @POST
    @Path("/ingest")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public IngestResult ingest(@QueryParam("source") String source, @QueryParam("mode") String mode,
            @HeaderParam("Content-Type") String contentType, InputStream body) {
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        return ingest.push(source, mode, body, json);
    }

    @POST
    @Path("/validate-entity")
    public Response validate(@HeaderParam("Content-Type") String contentType, String body) {
        List<Map<String, String>> errors;
        try {
            JsonNode request = JsonBody.object(contentType, body);
            if (!request.path("location").isTextual()) {
                throw dev.scorecards.errors.ServiceError.input("Malformed request: location must be a string");
            }
            errors = ingest.validate(request.get("entity"), request.get("location").asText());
        } catch (dev.scorecards.errors.ServiceError e) {
            errors = List.of(Map.of("name", e.name(), "message", e.getMessage()));
        }
        if (errors.isEmpty()) {
            return Response.ok().build();
        }
        return Response.status(400).entity(Map.of("errors", errors)).build();
    }

    @POST
    @Path("/refresh")
    public Response refresh(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = JsonBody.object(contentType, body);
        locations.refreshEntity(JsonBody.text(request, "entityRef"));
        return Response.ok().build();
    }
}
