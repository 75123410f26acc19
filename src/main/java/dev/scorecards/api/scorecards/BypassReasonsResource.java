package dev.scorecards.api.scorecards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.Caller;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.Refs;
import dev.scorecards.api.catalog.EntityListing;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.BypassReasons;
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
import java.util.Set;

/**
 * Why bypassing teams go around a capability. With OIDC on the answer is the signed-in user's, who
 * must be a member of the team; with OIDC off the request names the team (and optionally who
 * answers), and the answer says nobody verified it.
 */
@Path("/api/scorecards/capabilities/{kind}/{namespace}/{name}/bypass-reasons")
@Produces(MediaType.APPLICATION_JSON)
public class BypassReasonsResource {
    static final String UNVERIFIED = "OIDC is off: the team and answeredBy are what the request says, which nobody"
            + " verifies. Turn OIDC on to accept answers only from members of the team.";
    private static final Set<String> FIELDS = Set.of("team", "reason", "comment", "instead", "answeredBy");

    private final BypassReasons reasons;
    private final Caller caller;

    @Inject
    BypassReasonsResource(BypassReasons reasons, Caller caller) {
        this.reasons = reasons;
        this.caller = caller;
    }

    @POST
    public Response answer(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @HeaderParam("Content-Type") String contentType, String body) {
        JsonNode r = JsonBody.object(contentType, body);
        r.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ServiceError.input("Unknown field '" + f + "': expected team, reason, comment, instead, answeredBy");
            }
        });
        for (String f : FIELDS) {
            JsonNode v = r.get(f);
            if (v != null && !v.isNull() && !v.isTextual()) {
                throw ServiceError.input(f + " must be a string");
            }
        }
        boolean verified = caller.authenticated();
        BypassReasons.Answered answered = reasons.answer(Refs.ref(kind, namespace, name), text(r, "team"),
                text(r, "reason"), text(r, "comment"), text(r, "instead"), caller.name(text(r, "answeredBy")), verified);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", answered.answer());
        out.put("replacedEarlierAnswer", answered.replacedEarlierAnswer());
        out.put("note", verified ? "Answered by the subject of the request's token, a member of the team." : UNVERIFIED);
        return Response.status(answered.replacedEarlierAnswer() ? 200 : 201).entity(out).build();
    }

    @GET
    public BypassReasons.Summary get(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @QueryParam("history") String history) {
        String ref = Refs.of(kind, namespace, name);
        BypassReasons.Summary s = reasons.summary(ref,
                Math.min(100, EntityListing.intParam("history", history, 20, 0)));
        if (s == null) {
            throw ServiceError.notFound("No capability " + ref);
        }
        return s;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
