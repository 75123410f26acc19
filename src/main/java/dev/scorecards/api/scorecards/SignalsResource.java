package dev.scorecards.api.scorecards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.scoring.query.OrganisationSummary;
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
    private final Signals signals;
    private final TeamInteractions teams;
    private final ObjectMapper json;

    private volatile Written written;

    @Inject
    SignalsResource(Signals signals, TeamInteractions teams, ObjectMapper json) {
        this.signals = signals;
        this.teams = teams;
        this.json = json;
    }

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
    public byte[] summary() throws JsonProcessingException {
        // the summary stays the same instance until what it depends on changes: its JSON is written once
        OrganisationSummary s = signals.summary();
        Written w = written;
        if (w == null || w.summary() != s) {
            w = new Written(s, json.writeValueAsBytes(s));
            written = w;
        }
        return w.json();
    }

    /** The summary last served and its JSON (it runs to megabytes with many open bypass questions). */
    private record Written(OrganisationSummary summary, byte[] json) {
    }
}
