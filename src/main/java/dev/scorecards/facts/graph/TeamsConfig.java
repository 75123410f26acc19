package dev.scorecards.facts.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the team interaction graph ({@code scorecards.teams.*}); beside the graph rather than in
 * {@code FactsConfig}, because {@code facts} imports {@code facts.graph} and not the other way round.
 */
@ConfigMapping(prefix = "scorecards.teams")
public interface TeamsConfig {
    /** The share of shortest paths between other teams that runs through a team that is a bottleneck. */
    @WithDefault("0.5")
    double bottleneckShare();
}
