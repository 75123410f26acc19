package dev.scorecards.api.scorecards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.Caller;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.Refs;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.evaluation.EvaluationService;
import dev.scorecards.scoring.exemptions.Exemption;
import dev.scorecards.scoring.exemptions.Exemptions;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Exemptions: waive one check for one entity, with a reason, an author and an optional expiry. */
@Path("/api/scorecards/exemptions")
@Produces(MediaType.APPLICATION_JSON)
public class ExemptionsResource {
    private final Exemptions exemptions;
    private final EvaluationService evaluation;
    private final Caller caller;

    @Inject
    ExemptionsResource(Exemptions exemptions, EvaluationService evaluation, Caller caller) {
        this.exemptions = exemptions;
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @POST
    public Response create(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode r = JsonBody.object(contentType, body);
        String author = caller.name(r.path("author").asText(null));
        Instant expires = null;
        if (r.hasNonNull("expiresAt")) {
            try {
                expires = Instant.parse(r.get("expiresAt").asText());
            } catch (DateTimeParseException e) {
                throw ServiceError.input("expiresAt must be an ISO-8601 instant such as 2026-12-31T00:00:00Z");
            }
        }
        Exemption e = exemptions.create(Refs.required(r.path("entityRef").asText(null), "entityRef"),
                r.path("checkId").asText(null), r.path("reason").asText(null), author, expires);
        evaluation.exemptionsChanged(List.of(e.entityRef()));
        return Response.status(201).entity(e).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table list(@QueryParam("entityRef") String entityRef,
            @QueryParam("includeExpired") boolean includeExpired) {
        List<Exemption> items = exemptions.list(Refs.parse(entityRef, null), includeExpired);
        return Table.of("exemptions.csv", CsvColumns.EXEMPTIONS, items, Map.of("items", items));
    }

    @GET
    @Path("/audit")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table audit(@QueryParam("entityRef") String entityRef) {
        var items = exemptions.audit(Refs.parse(entityRef, null));
        return Table.of("exemptions-audit.csv", CsvColumns.AUDIT, items, Map.of("items", items));
    }

    @GET
    @Path("/{id}")
    public Exemption get(@PathParam("id") String id) {
        Exemption e = exemptions.get(id);
        if (e == null) {
            throw ServiceError.notFound("No exemption with id " + id);
        }
        return e;
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @QueryParam("actor") String actor) {
        Exemption e = exemptions.delete(id, caller.name(actor == null || actor.isBlank() ? "anonymous" : actor));
        evaluation.exemptionsChanged(List.of(e.entityRef()));
        return Response.noContent().build();
    }
}
