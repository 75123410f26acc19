package dev.scorecards.scoring.results;

/** A check's state for one entity, why, and what to do about it. */
public record CheckResult(String id, String name, String description, String level, double weight,
        CheckState state, String reason, String remediation, String link) {
}
