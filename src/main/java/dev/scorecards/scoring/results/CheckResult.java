package dev.scorecards.scoring.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A check's state for one entity, why, and what to do about it. */
@JsonPropertyOrder({"id", "state", "reason", "name", "description", "level", "weight", "remediation", "link"})
public record CheckResult(String id, String name, String description, String level, double weight,
        CheckState state, String reason, String remediation, String link) {
}
