package dev.scorecards.scoring.definitions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * One rule of a scorecard, as written in its data file: a CEL {@code expression} (or, on a ladder,
 * {@code requires}: other checks that must hold), the level it belongs to, its weight, an optional
 * CEL {@code applies} filter, and what to tell people who fail it.
 *
 * @param id            qualified id, {@code <scorecard>.<check>}
 * @param requiredFacts fact names the expression reads; when one has no value the check is NOT_REPORTED
 * @param filterFacts   fact names the {@code applies} filter reads
 * @param mentionedFacts every fact name the expression or the filter mentions, guarded or not, sorted
 *                      (what a reader of the check's result wants to see); not part of the served
 *                      definition ({@code GET /api/scorecards/scorecards}), whose contract is unchanged
 */
public record Check(String id, String name, String description, String level, int levelIndex, double weight,
        String expression, String applies, List<String> requires, String remediation, String link,
        Set<String> requiredFacts, Set<String> filterFacts,
        @JsonIgnore SortedSet<String> mentionedFacts) {
}
