package dev.scorecards.scoring.results;

import java.util.List;

/**
 * One scorecard's verdict on an entity: the level it holds ({@code null} below the first, index
 * -1), the weighted percentage of applicable checks passed, every check's state, and the next steps
 * to the next level.
 */
public record ScorecardResult(String id, String name, List<String> levels, String level, int levelIndex,
        String nextLevel, double percentage, List<CheckResult> checks, List<NextStep> nextSteps) {
}
