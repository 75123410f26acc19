package dev.scorecards.api.scorecards;

import static dev.scorecards.api.csv.CsvTable.Column.path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.api.csv.CsvTable.Column;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.campaigns.CampaignProgress;
import dev.scorecards.campaigns.CampaignSpec;
import dev.scorecards.campaigns.CampaignViews;
import dev.scorecards.campaigns.Campaigns;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Campaigns: a target for a selection of capabilities by a deadline, with progress read from the results. */
@Path("/api/scorecards/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {
    static final List<Column> LIST = List.of(path("id"), path("title"), path("owner"), path("deadline"),
            path("status"), path("done"), path("total"), path("percentage"), path("daysLeft"), path("missedCount"),
            path("source"));
    static final List<Column> CAPABILITIES = List.of(path("entityRef"), path("title"), path("owner"), path("done"),
            path("missed"), path("level"), path("nextSteps", "nextSteps.checkId"));
    static final List<Column> TEAMS = List.of(path("owner"), path("done"), path("total"), path("percentage"));
    static final List<Column> HISTORY = List.of(path("at"), path("done"), path("total"), path("percentage"));

    private final Campaigns campaigns;
    private final CampaignProgress progress;

    @Inject
    CampaignsResource(Campaigns campaigns, CampaignProgress progress) {
        this.campaigns = campaigns;
        this.progress = progress;
    }

    @POST
    public Response create(@HeaderParam("Content-Type") String contentType, String body) {
        CampaignSpec c = campaigns.create(JsonBody.object(contentType, body));
        return Response.created(URI.create("/api/scorecards/campaigns/" + c.id()))
                .entity(CampaignViews.whole(progress.of(c))).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table list() {
        ArrayNode items = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        campaigns.list().forEach(c -> items.add(CampaignViews.summary(progress.of(c))));
        return answer("campaigns.csv", LIST, items);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return Response.ok(CampaignViews.whole(progress.of(campaigns.get(id)))).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType, String body) {
        CampaignSpec c = campaigns.replace(id, JsonBody.object(contentType, body));
        return Response.ok(CampaignViews.whole(progress.of(c))).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        campaigns.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/capabilities")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table capabilities(@PathParam("id") String id) {
        return answer(id + "-capabilities.csv", CAPABILITIES,
                CampaignViews.capabilities(progress.of(campaigns.get(id))));
    }

    @GET
    @Path("/{id}/teams")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table teams(@PathParam("id") String id) {
        return answer(id + "-teams.csv", TEAMS, CampaignViews.teams(progress.of(campaigns.get(id))));
    }

    @GET
    @Path("/{id}/history")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table history(@PathParam("id") String id) {
        CampaignSpec c = campaigns.get(id);
        return answer(id + "-history.csv", HISTORY,
                CampaignViews.history(progress.history(c, campaigns.createdAt(id))));
    }

    private static Table answer(String file, List<Column> columns, ArrayNode items) {
        return Table.of(file, columns, items, Map.of("items", items));
    }
}
