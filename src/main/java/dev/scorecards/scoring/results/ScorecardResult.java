package dev.scorecards.scoring.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One scorecard's verdict on an entity: the level it holds ({@code null} below the first, index
 * -1), the weighted percentage of applicable checks passed, every check's state, and the next steps
 * to the next level. As JSON (in a capability's detail): the stored fields in the order jsonb keeps
 * them, then the definitions' texts added when read; likewise its checks and next steps.
 */
@JsonPropertyOrder({"id", "level", "checks", "nextLevel", "nextSteps", "levelIndex", "percentage", "name", "levels"})
public record ScorecardResult(String id, String name, List<String> levels, String level, int levelIndex,
        String nextLevel, double percentage, List<CheckResult> checks, List<NextStep> nextSteps) {
}
