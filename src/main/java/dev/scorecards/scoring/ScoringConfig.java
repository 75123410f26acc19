package dev.scorecards.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the scoring stage ({@code scorecards.definitions.*}, {@code scorecards.evaluation.*}). */
public final class ScoringConfig {
    private ScoringConfig() {
    }

    @ConfigMapping(prefix = "scorecards.definitions")
    public interface Definitions {
        /** A folder of scorecard YAML files read after the built-in defaults; unset: the defaults only. */
        Optional<String> dir();
    }

    @ConfigMapping(prefix = "scorecards.evaluation")
    public interface Evaluation {
        /** Capabilities a catalog change may touch and still be evaluated before the write answers. */
        @WithDefault("1000")
        int syncLimit();

        /**
         * After a background chunk, a pause as long as requests were served meanwhile, at most this share of the
         * chunk's time (0.5: with reads waiting, scoring takes two thirds of a core; with none, it does not pause).
         */
        @WithDefault("0.5")
        double backgroundPause();

        /** How often expired exemptions are looked for (a scheduler interval, or {@code off}). */
        @WithDefault("1m")
        String expiryCheck();
    }
}
