package dev.scorecards.badges;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** Settings of README badges ({@code scorecards.badges.*}). */
@ConfigMapping(prefix = "scorecards.badges")
public interface BadgesConfig {
    /**
     * Serve badges only under opaque ids ({@code /badges/id/{id}/…}); the name-based badge URLs then
     * answer "unknown", so names cannot be enumerated.
     */
    @WithDefault("false")
    boolean obfuscate();

    /** {@code cacheSeconds} of the shields.io endpoint JSON; shields.io never caches less than 300. */
    @WithDefault("300")
    int cacheSeconds();

    /**
     * The colour of each step from "no level" (first) to the top level (last); the levels between the
     * first and the top share the colours between, spread evenly.
     */
    @WithDefault("red,orange,yellow,yellowgreen,green,brightgreen")
    List<String> colors();

    /** Colours for particular level names, overriding the spread (e.g. {@code level-colors."Relied on"=blue}). */
    Map<String, String> levelColors();

    /** The colour of badges that show no result ("unknown", "not reported"). */
    @WithDefault("lightgrey")
    String inactiveColor();
}
