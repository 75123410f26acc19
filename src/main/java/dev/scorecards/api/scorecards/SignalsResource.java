package dev.scorecards.api.scorecards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.scoring.query.Signals;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
    public Table timeToFirstAdopter() {
        Signals.TimeToFirstAdopter report = signals.timeToFirstAdopter();
        return Table.of("time-to-first-adopter.csv", CsvColumns.TIME_TO_FIRST_ADOPTER, report.items(), report);
    }

    @GET
    @Path("/bypasses")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table bypasses() {
        Signals.Bypasses report = signals.bypasses();
        return Table.of("bypasses.csv", CsvColumns.BYPASSES, report.items(), report);
    }

    @GET
    @Path("/teams/graph")
    @Produces({MediaType.APPLICATION_JSON, "text/vnd.graphviz", CsvTable.TYPE})
    public Response graph(@QueryParam("format") String format) {
        TeamInteractions.Result graph = teams.compute();
        if ("dot".equalsIgnoreCase(format)) {
            return Response.ok(TeamGraphDot.render(graph), "text/vnd.graphviz; charset=UTF-8").build();
        }
        return Response.ok(Table.of("team-edges.csv", CsvColumns.TEAM_EDGES, graph.edges(), graph)).build();
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode summary() {
        return signals.summary();
    }
}
