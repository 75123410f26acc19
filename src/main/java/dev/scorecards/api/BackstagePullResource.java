package dev.scorecards.api;

import dev.scorecards.ingest.backstage.BackstagePull;
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
import java.util.List;
import java.util.Map;

/** Live Backstage sources: their status ({@code GET /api/catalog/backstage}) and a pull on demand. */
@Path("/api/catalog/backstage")
@Produces(MediaType.APPLICATION_JSON)
public class BackstagePullResource {
    @Inject
    BackstagePull pulls;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Response list(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        List<BackstagePull.Status> all = pulls.list();
        return CsvTable.wanted(format, accept) ? CsvTable.of("backstage-sources.csv", CsvColumns.BACKSTAGE_SOURCES, all)
                : Response.ok(Map.of("items", all), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{name}/pull")
    public BackstagePull.Status pull(@PathParam("name") String name) {
        return pulls.pull(name);
    }
}
