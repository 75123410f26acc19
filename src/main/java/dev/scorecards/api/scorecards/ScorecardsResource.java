package dev.scorecards.api.scorecards;

import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.evaluation.EvaluationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The scorecard definitions in force, and evaluating everything on demand. */
@Path("/api/scorecards")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardsResource {
    private final ScorecardDefinitions definitions;
    private final EvaluationService evaluation;

    @Inject
    ScorecardsResource(ScorecardDefinitions definitions, EvaluationService evaluation) {
        this.definitions = definitions;
        this.evaluation = evaluation;
    }

    @GET
    @Path("/scorecards")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table scorecards() {
        List<Scorecard> all = definitions.all();
        return Table.of("scorecards.csv", CsvColumns.SCORECARDS, all, all);
    }

    @POST
    @Path("/evaluate")
    public EvaluationService.Outcome evaluateAll() {
        return evaluation.evaluateAll();
    }
}
