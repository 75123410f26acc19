package dev.scorecards.api;

import dev.scorecards.ingest.BackstagePull;
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
    @Inject
    BackstagePull pulls;

    @GET
    public Map<String, List<BackstagePull.Status>> list() {
        return Map.of("items", pulls.list());
    }

    @POST
    @Path("/{name}/pull")
    public BackstagePull.Status pull(@PathParam("name") String name) {
        return pulls.pull(name);
    }
}
