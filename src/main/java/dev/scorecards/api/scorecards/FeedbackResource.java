package dev.scorecards.api.scorecards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.Caller;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.Refs;
import dev.scorecards.api.catalog.EntityListing;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.pushed.Feedback;
import jakarta.inject.Inject;
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
import java.util.Map;

/**
 * Satisfaction: rate a capability 1-5 with an optional comment; one current rating per voter. With
 * OIDC on the voter is the token's subject; with OIDC off the request names its voter, and the
 * answer says so.
 */
@Path("/api/scorecards/capabilities/{kind}/{namespace}/{name}/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {
    static final String UNVERIFIED = "OIDC is off: the voter is the 'voter' field of the request, which nobody"
            + " verifies. Turn OIDC on to identify voters by their token.";

    private final Feedback feedback;
    private final Caller caller;
    private final dev.scorecards.facts.Capabilities capabilities;

    @Inject
    FeedbackResource(Feedback feedback, Caller caller, dev.scorecards.facts.Capabilities capabilities) {
        this.feedback = feedback;
        this.caller = caller;
        this.capabilities = capabilities;
    }

    @POST
    public Response rate(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @HeaderParam("Content-Type") String contentType, String body) {
        JsonNode r = JsonBody.object(contentType, body);
        JsonNode score = r.get("score");
        if (score == null || !score.isIntegralNumber() || !score.canConvertToInt()) {
            throw ServiceError.input("score must be a whole number from 1 to 5");
        }
        JsonNode voter = r.get("voter");
        if (voter != null && !voter.isNull() && !voter.isTextual()) {
            throw ServiceError.input("voter must be a string");
        }
        JsonNode comment = r.get("comment");
        if (comment != null && !comment.isNull() && !comment.isTextual()) {
            throw ServiceError.input("comment must be a string");
        }
        boolean verified = caller.authenticated();
        Feedback.Vote vote = feedback.vote(Refs.ref(kind, namespace, name),
                caller.name(r.path("voter").asText(null)), verified ? "token" : "request", score.asInt(),
                comment == null || comment.isNull() ? null : comment.asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vote", vote);
        out.put("note", verified ? "The voter is the subject of the request's token." : UNVERIFIED);
        return Response.status(vote.replacedEarlierVote() ? 200 : 201).entity(out).build();
    }

    @GET
    public Feedback.Summary summary(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @QueryParam("comments") String comments) {
        String ref = Refs.of(kind, namespace, name);
        if (!capabilities.isCapability(ref)) {
            throw ServiceError.notFound("No capability " + ref);
        }
        return feedback.summary(ref,
                Math.min(100, EntityListing.intParam("comments", comments, 10, 0)));
    }
}
