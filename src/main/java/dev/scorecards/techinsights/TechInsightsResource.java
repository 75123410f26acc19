package dev.scorecards.techinsights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.Refs;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
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
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The part of the Backstage Tech Insights backend API that its frontend client calls, answered from
 * the stored results and facts (see docs/tech-insights.md), so its scorecard cards render our checks.
 */
@Path("/api/tech-insights")
@Produces(MediaType.APPLICATION_JSON)
public class TechInsightsResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TechInsightsChecks checks;
    private final TechInsightsFacts facts;

    @Inject
    TechInsightsResource(TechInsightsChecks checks, TechInsightsFacts facts) {
        this.checks = checks;
        this.facts = facts;
    }

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
        return checks.run(Refs.ref(kind, namespace, name), checks.select(TechInsightsRequests.checks(json)));
    }

    /**
     * The refs asked (the client sends at most 750) are answered whole before responding, so a failure
     * is an error envelope (a 503 when the database is away). Every capability ({@code entities: []})
     * is streamed a chunk at a time, the first read before responding; a failure after that breaks the
     * transfer (the array is left open) rather than ending a truncated answer (docs/decisions.md).
     */
    @POST
    @Path("/checks/run")
    public Response runBulk(@HeaderParam("Content-Type") String contentType, String body) throws IOException {
        JsonNode json = JsonBody.value(contentType, body);
        List<EntityRef> refs = TechInsightsRequests.entities(json);
        List<String> ids = TechInsightsRequests.checks(json);
        String unknown = checks.firstUnknown(ids);
        if (unknown != null) {
            // Tech Insights answers 200 with an error in each entity's entry
            return Response.ok(JSON.writeValueAsBytes(checks.unknownCheck(refs.isEmpty() ? checks.capabilityRefs()
                    : refs, unknown)), MediaType.APPLICATION_JSON).build();
        }
        List<String> selected = checks.select(ids);
        if (!refs.isEmpty()) {
            return Response.ok(JSON.writeValueAsBytes(checks.runBulk(refs, selected)), MediaType.APPLICATION_JSON)
                    .build();
        }
        List<EntityRef> all = checks.capabilityRefs();
        int first = Math.min(all.size(), TechInsightsChecks.CHUNK);
        List<ObjectNode> head = checks.runBulk(all.subList(0, first), selected);
        StreamingOutput out = stream -> {
            JsonGenerator g = JSON.getFactory().createGenerator(stream).disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
            g.writeStartArray();
            for (ObjectNode o : head) {
                JSON.writeTree(g, o);
            }
            for (int from = first; from < all.size(); from += TechInsightsChecks.CHUNK) {
                for (ObjectNode o : checks.runBulk(all.subList(from, Math.min(all.size(), from + TechInsightsChecks.CHUNK)),
                        selected)) {
                    JSON.writeTree(g, o);
                }
            }
            g.writeEndArray();
            g.close();
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
        return facts.latest(TechInsightsRequests.entity(entity), TechInsightsRequests.requiredIds(uri.getQueryParameters()));
    }

    @GET
    @Path("/facts/range")
    public ObjectNode range(@QueryParam("entity") String entity, @Context UriInfo uri) {
        var q = uri.getQueryParameters();
        String start = q.containsKey("startDatetime") ? q.getFirst("startDatetime") : q.getFirst("startDateTime");
        String end = q.containsKey("endDatetime") ? q.getFirst("endDatetime") : q.getFirst("endDateTime");
        return facts.range(TechInsightsRequests.entity(entity), TechInsightsRequests.requiredIds(uri.getQueryParameters()),
                TechInsightsRequests.instant(start, "startDateTime"), TechInsightsRequests.instant(end, "endDateTime"));
    }

    /** Missing ids and bad dates: the backend's own 422 bodies, which its client shows as they are. */
    @ServerExceptionMapper
    public Response unprocessable(TechInsightsRequests.Unprocessable e) {
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(e.body.toString()).build();
    }
}
