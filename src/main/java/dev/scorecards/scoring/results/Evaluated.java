package dev.scorecards.scoring.results;

import dev.scorecards.facts.CapabilityFacts;
import java.util.List;
import java.util.Map;

/**
 * A capability just evaluated: its facts (all values checks saw), every scorecard's result, and
 * when and in which ingestion it was first stored in the catalog.
 */
public record Evaluated(CapabilityFacts capability, Map<String, Object> facts, List<ScorecardResult> scorecards,
        long firstIngestion, java.time.Instant firstSeenAt, FirstAdopter firstAdopter) {

    /** The ladder's result (the first scorecard). */
    public ScorecardResult ladder() {
        return scorecards.get(0);
    }
}
