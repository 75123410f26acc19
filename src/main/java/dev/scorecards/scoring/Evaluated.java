package dev.scorecards.scoring;

import dev.scorecards.facts.CapabilityFacts;
import java.util.List;
import java.util.Map;

/** A capability just evaluated: its facts (all values checks saw) and every scorecard's result. */
record Evaluated(CapabilityFacts capability, Map<String, Object> facts, List<ScorecardResult> scorecards,
        long firstIngestion) {

    ScorecardResult ladder() {
        return scorecards.get(0);
    }
}
