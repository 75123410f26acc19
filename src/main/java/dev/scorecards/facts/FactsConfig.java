package dev.scorecards.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the facts stage ({@code scorecards.capabilities.*}, {@code scorecards.facts.*}). */
public final class FactsConfig {
    private FactsConfig() {
    }

    @ConfigMapping(prefix = "scorecards.capabilities")
    public interface Capabilities {
        /**
         * Which entities are capabilities: Backstage filter expressions separated by {@code ;}, ORed
         * as separate {@code filter} parameters are; within one, {@code ,} ANDs statements (default:
         * every System, every API, and anything annotated {@code scorecards.dev/capability: "true"}).
         */
        @WithDefault("kind=system;kind=api;metadata.annotations.scorecards.dev/capability=true")
        String filter();
    }

    @ConfigMapping(prefix = "scorecards.facts")
    public interface Facts {
        /** How far back "consumer count not falling" compares. */
        @WithDefault("30d")
        Duration trendWindow();

        /** Values kept per pushed fact name and entity (older ones are dropped). */
        @WithDefault("1000")
        int historyPerFact();
    }
}
