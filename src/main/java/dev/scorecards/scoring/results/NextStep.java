package dev.scorecards.scoring.results;

/** A check that stands between an entity and its next level, and how to make it pass. */
public record NextStep(String checkId, String name, CheckState state, String reason, String remediation,
        String link) {
}
