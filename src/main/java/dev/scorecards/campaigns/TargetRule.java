package dev.scorecards.campaigns;

import dev.scorecards.campaigns.CampaignSpec.Target;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityQueries;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.CheckState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A campaign's target against the current definitions: whether a result meets it (now, or in a history
 * row) and the checks still between a capability and it. Exempt and not-applicable checks count as held,
 * as they do for levels.
 */
final class TargetRule {
    /** A check to fix, with what the definitions say about it. */
    record Step(String checkId, String name, String state, String reason, String remediation, String link) {
    }

    private final ScorecardDefinitions definitions;
    private final Scorecard card;
    private final int index;
    private final List<String> checks;

    TargetRule(Target target, ScorecardDefinitions definitions) {
        this.definitions = definitions;
        this.checks = target.checks();
        this.card = checks.isEmpty() ? (target.scorecard() == null ? definitions.ladder()
                : definitions.get(target.scorecard())) : null;
        int i = card == null ? -1 : indexOf(card.levels(), target.level());
        // a level the definitions no longer have cannot be reached
        this.index = card != null && i < 0 ? Integer.MAX_VALUE : i;
    }

    private static int indexOf(List<String> levels, String level) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).equalsIgnoreCase(level)) {
                return i;
            }
        }
        return -1;
    }

    /** The scorecard whose level is the target, or null for a list of checks. */
    String scorecard() {
        return card == null ? null : card.id();
    }

    /** Whether the current result meets the target: its scores (from the list) or its checks' states. */
    boolean done(CapabilityList.Item item, Map<String, CheckResult> states) {
        if (card != null) {
            CapabilityList.Score s = item.cards().get(card.id());
            return s != null && s.levelIndex() >= index;
        }
        return checks.stream().allMatch(c -> states.containsKey(c) && states.get(c).state().holds());
    }

    /** Whether a history row (its scores and check states) meets the target. */
    boolean done(CapabilityQueries.Change row) {
        if (card != null) {
            CapabilityList.Score s = row.scorecards().get(card.id());
            return s != null && s.levelIndex() >= index;
        }
        return checks.stream().allMatch(c -> row.checks().get(c) != null && row.checks().get(c).holds());
    }

    /** The checks not yet held that the target needs, in the definitions' order. */
    List<Step> nextSteps(Map<String, CheckResult> states) {
        List<Step> out = new ArrayList<>();
        List<Check> needed = card == null ? checks.stream().map(definitions::check).toList()
                : card.checks().stream().filter(c -> c.levelIndex() <= index).toList();
        for (Check c : needed) {
            if (c == null) {
                continue;
            }
            CheckResult s = states.get(c.id());
            CheckState state = s == null ? CheckState.NOT_REPORTED : s.state();
            if (!state.holds()) {
                out.add(new Step(c.id(), c.name(), state.name(), s == null ? null : s.reason(), c.remediation(),
                        c.link()));
            }
        }
        return out;
    }
}
