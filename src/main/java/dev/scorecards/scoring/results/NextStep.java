package dev.scorecards.scoring.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A check that stands between an entity and its next level, and how to make it pass. */
@JsonPropertyOrder({"state", "reason", "checkId", "name", "remediation", "link"})
public record NextStep(String checkId, String name, CheckState state, String reason, String remediation,
        String link) {
}
