package dev.scorecards.api.catalog;

import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.ingest.backstage.BackstagePull;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Live Backstage sources: their status ({@code GET /api/catalog/backstage}) and a pull on demand. */
@Path("/api/catalog/backstage")
@Produces(MediaType.APPLICATION_JSON)
public class BackstagePullResource {
    private final BackstagePull pulls;

    @Inject
    BackstagePullResource(BackstagePull pulls) {
        this.pulls = pulls;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table list() {
        List<BackstagePull.Status> all = pulls.list();
        return Table.of("backstage-sources.csv", CsvColumns.BACKSTAGE_SOURCES, all, Map.of("items", all));
    }

    @POST
    @Path("/{name}/pull")
    public BackstagePull.Status pull(@PathParam("name") String name) {
        return pulls.pull(name);
    }
}
