package dev.scorecards.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.TechInsightsChecks;
import dev.scorecards.scoring.TechInsightsFacts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The part of the Backstage Tech Insights backend API that its frontend client calls, answered from
 * the stored results and facts (see docs/tech-insights.md), so its scorecard cards render our checks.
 */
@Path("/api/tech-insights")
@Produces(MediaType.APPLICATION_JSON)
public class TechInsightsResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TechInsightsChecks checks;
    @Inject
    TechInsightsFacts facts;

    @GET
    @Path("/checks")
    public List<ObjectNode> checks() {
        return checks.checks();
    }

    @POST
    @Path("/checks/run/{namespace}/{kind}/{name}")
    public List<ObjectNode> run(@PathParam("namespace") String namespace, @PathParam("kind") String kind,
            @PathParam("name") String name, @HeaderParam("Content-Type") String contentType, String body) {
        JsonNode json = body == null || body.isBlank() ? null : JsonBody.value(contentType, body);
        if (json != null && !json.isObject()) {
            throw ServiceError.input("Malformed request: expected a JSON object {checks?: [...]}");
        }
        return checks.run(Refs.of(kind, namespace, name), checks.select(TechInsightsRequests.checks(json), "checks"));
    }

    @POST
    @Path("/checks/run")
    public Response runBulk(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode json = JsonBody.value(contentType, body);
        List<String> refs = TechInsightsRequests.entities(json);
        List<String> selected = checks.select(TechInsightsRequests.checks(json), "checks");
        StreamingOutput out = stream -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(stream)) {
                g.writeStartArray();
                checks.runBulk(refs, selected, entity -> {
                    try {
                        JSON.writeTree(g, entity);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
            }
        };
        return Response.ok(out, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/fact-schemas")
    public List<ObjectNode> factSchemas(@Context UriInfo uri) {
        return facts.schemas(TechInsightsRequests.ids(uri.getQueryParameters()));
    }

    @GET
    @Path("/facts/latest")
    public ObjectNode latest(@QueryParam("entity") String entity, @Context UriInfo uri) {
        return facts.latest(TechInsightsRequests.entity(entity), requiredIds(uri));
    }

    @GET
    @Path("/facts/range")
    public ObjectNode range(@QueryParam("entity") String entity, @Context UriInfo uri) {
        var q = uri.getQueryParameters();
        String start = q.containsKey("startDatetime") ? q.getFirst("startDatetime") : q.getFirst("startDateTime");
        String end = q.containsKey("endDatetime") ? q.getFirst("endDatetime") : q.getFirst("endDateTime");
        return facts.range(TechInsightsRequests.entity(entity), requiredIds(uri),
                TechInsightsRequests.instant(start, "startDatetime"), TechInsightsRequests.instant(end, "endDatetime"));
    }

    private static List<String> requiredIds(UriInfo uri) {
        List<String> ids = TechInsightsRequests.ids(uri.getQueryParameters());
        if (ids == null) {
            throw ServiceError.input("Missing query parameter ids (fact retriever ids: " + TechInsightsFacts.DERIVED
                    + ", " + TechInsightsFacts.PUSHED + ", " + TechInsightsFacts.RESULTS + ")");
        }
        return ids;
    }
}
