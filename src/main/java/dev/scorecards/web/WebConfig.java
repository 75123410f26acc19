package dev.scorecards.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the built-in web pages ({@code scorecards.web.*}). */
@ConfigMapping(prefix = "scorecards.web")
public interface WebConfig {
    /** Capabilities per page of the home page's list. */
    @WithDefault("50")
    int pageSize();

    /** Teams drawn on the team graph picture at most (those with the highest betweenness). */
    @WithDefault("60")
    int graphTeams();

    /** Edges drawn between those teams at most (the heaviest). */
    @WithDefault("300")
    int graphEdges();

    /** Consumers listed on a capability's page at most. */
    @WithDefault("200")
    int consumersShown();

    /** Bytes of rendered home pages kept for reuse (about 85,000 a page at 50 rows). */
    @WithDefault("8000000")
    long pageCacheBytes();
}
