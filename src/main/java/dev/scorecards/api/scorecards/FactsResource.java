package dev.scorecards.api.scorecards;

import dev.scorecards.api.JsonBody;
import dev.scorecards.api.Refs;
import dev.scorecards.api.catalog.EntityListing;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.pushed.PushedFacts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Facts pushed by scripts: a batch in, every item answered; and their history out. */
@Path("/api/scorecards/facts")
@Produces(MediaType.APPLICATION_JSON)
public class FactsResource {
    private final PushedFacts facts;
    private final CatalogQueries catalog;

    @Inject
    FactsResource(PushedFacts facts, CatalogQueries catalog) {
        this.facts = facts;
        this.catalog = catalog;
    }

    @POST
    public Map<String, Object> push(@HeaderParam("Content-Type") String contentType, String body) {
        List<PushedFacts.ItemResult> results = facts.push(JsonBody.value(contentType, body));
        long accepted = results.stream().filter(r -> r.status().equals("accepted")).count();
        return Map.of("accepted", accepted, "rejected", results.size() - accepted, "items", results);
    }

    @GET
    @Path("/{kind}/{namespace}/{name}")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table history(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @QueryParam("name") String factName, @QueryParam("limit") String limit) {
        EntityRef entity = Refs.ref(kind, namespace, name);
        String ref = entity.toString();
        if (catalog.byRef(entity) == null) {
            throw ServiceError.notFound("No entity " + ref);
        }
        int n = Math.min(1000, EntityListing.intParam("limit", limit, 100, 1));
        var history = facts.history(ref, factName, n);
        return Table.of("facts.csv", CsvColumns.FACTS, history, Map.of("entityRef", ref,
                "latest", facts.latest(List.of(ref)).getOrDefault(ref, Map.of()), "history", history));
    }
}
