package dev.scorecards.api.scorecards;

import dev.scorecards.api.Refs;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.scoring.query.Rollups;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Scores gathered by team, System and Domain. */
@Path("/api/scorecards")
@Produces(MediaType.APPLICATION_JSON)
public class RollupsResource {
    private final Rollups rollups;

    @Inject
    RollupsResource(Rollups rollups) {
        this.rollups = rollups;
    }

    @GET
    @Path("/teams")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table teams() {
        var items = rollups.teams();
        return Table.of("teams.csv", CsvColumns.TEAMS, items, Map.of("items", items));
    }

    @GET
    @Path("/teams/{namespace}/{name}")
    public Rollups.Team team(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return rollups.team(Refs.ref("group", namespace, name));
    }

    @GET
    @Path("/systems/{namespace}/{name}")
    public Rollups.Rollup system(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return rollups.rollup(Refs.ref("system", namespace, name), "system");
    }

    @GET
    @Path("/domains/{namespace}/{name}")
    public Rollups.Rollup domain(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return rollups.rollup(Refs.ref("domain", namespace, name), "domain");
    }
}
