package dev.scorecards.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.facts.TeamInteractions;
import dev.scorecards.scoring.Signals;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The product signals: time to first adopter, bypasses, the team interaction graph, the organisation summary. */
@Path("/api/scorecards")
public class SignalsResource {
    @Inject
    Signals signals;
    @Inject
    TeamInteractions teams;

    @GET
    @Path("/time-to-first-adopter")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Response timeToFirstAdopter(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean csv = CsvTable.wanted(format, accept);
        JsonNode report = signals.timeToFirstAdopter();
        return csv ? CsvTable.of("time-to-first-adopter.csv", CsvColumns.TIME_TO_FIRST_ADOPTER, report.path("items"))
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/bypasses")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Response bypasses(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean csv = CsvTable.wanted(format, accept);
        JsonNode report = signals.bypasses();
        return csv ? CsvTable.of("bypasses.csv", CsvColumns.BYPASSES, report.path("items"))
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/teams/graph")
    @Produces({MediaType.APPLICATION_JSON, "text/vnd.graphviz", CsvTable.TYPE})
    public Response graph(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        boolean dot = "dot".equalsIgnoreCase(format);
        boolean csv = !dot && CsvTable.wanted(format, accept);
        TeamInteractions.Result graph = teams.compute();
        if (dot) {
            return Response.ok(TeamGraphDot.render(graph), "text/vnd.graphviz; charset=UTF-8").build();
        }
        return csv ? CsvTable.of("team-edges.csv", CsvColumns.TEAM_EDGES, graph.edges())
                : Response.ok(graph, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode summary() {
        return signals.summary();
    }
}
