package dev.scorecards.scoring.definitions;

import java.util.List;

/**
 * A named set of checks with ordered levels (lowest first), loaded from {@code file}. The one marked
 * {@code ladder} is the overall "relied on" ladder, whose checks refer to other scorecards' checks.
 */
public record Scorecard(String id, String name, String description, List<String> levels, boolean ladder,
        List<Check> checks, String file) {
}
