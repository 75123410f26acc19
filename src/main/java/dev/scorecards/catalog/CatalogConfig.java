package dev.scorecards.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the catalog stage ({@code scorecards.catalog.*}). */
@ConfigMapping(prefix = "scorecards.catalog")
public interface CatalogConfig {
    /** Characters of entity JSON the entity cache keeps (refs and documents, summed). */
    @WithDefault("32000000")
    long cacheChars();

    /** Characters of whole list answers ({@code by-query}, {@code entity-facets}) the answer cache keeps. */
    @WithDefault("8000000")
    long answerCacheChars();

    /** Share of the entity cache's capacity filled again after a change (0 turns warming off). */
    @WithDefault("0.6")
    double cacheWarmShare();
}
