package dev.scorecards.api.scorecards;

import static dev.scorecards.api.csv.CsvTable.Column.path;

import dev.scorecards.api.JsonBody;
import dev.scorecards.api.csv.CsvTable.Column;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.notifications.Webhooks;
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
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Webhook subscriptions to capability and campaign events, and each one's delivery log. */
@Path("/api/scorecards/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
    static final List<Column> DELIVERIES = List.of(path("id"), path("event"), path("entityRef"), path("campaignId"),
            path("status"), path("attempts"), path("lastStatusCode"), path("lastError"), path("createdAt"),
            path("lastAttemptAt"), path("nextAttemptAt"), path("deliveredAt"));
    static final List<Column> WEBHOOKS = List.of(path("id"), path("type"), path("url"), path("events"),
            path("owner", "selection.owner"), path("capabilities", "selection.capabilities"), path("createdAt"));

    private final Webhooks webhooks;

    @Inject
    WebhooksResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    public Response create(@HeaderParam("Content-Type") String contentType, String body) {
        var w = webhooks.create(JsonBody.object(contentType, body));
        return Response.created(URI.create("/api/scorecards/webhooks/" + w.path("id").asText())).entity(w).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table list() {
        var items = webhooks.list();
        return Table.of("webhooks.csv", WEBHOOKS, items, Map.of("items", items));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return Response.ok(webhooks.get(id)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
        int n;
        try {
            n = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 1000) {
            throw ServiceError.input("Invalid limit '" + limit + "': a whole number from 1 to 1000");
        }
        var items = webhooks.deliveries(id, n);
        return Table.of("deliveries.csv", DELIVERIES, items, Map.of("items", items));
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/redeliver")
    public Response redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return Response.accepted(webhooks.redeliver(id, delivery)).build();
    }
}
