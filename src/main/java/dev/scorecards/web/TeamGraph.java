package dev.scorecards.web;

import dev.scorecards.facts.graph.TeamInteractions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The team graph page's picture, laid out once per version of the catalog graph rather than per request. */
@ApplicationScoped
public class TeamGraph {
    private final TeamInteractions teams;
    private final WebConfig config;

    @Inject
    TeamGraph(TeamInteractions teams, WebConfig config) {
        this.teams = teams;
        this.config = config;
    }

    private record Drawn(long version, TeamGraphPicture.Picture picture) {
    }

    private volatile Drawn drawn;

    /** The picture of the current team graph. */
    public TeamGraphPicture.Picture picture() {
        TeamInteractions.Result graph = teams.compute();
        Drawn d = drawn;
        if (d == null || d.version() != graph.version()) {
            d = new Drawn(graph.version(), TeamGraphPicture.draw(graph, config.graphTeams(), config.graphEdges()));
            drawn = d;
        }
        return d.picture();
    }
}
