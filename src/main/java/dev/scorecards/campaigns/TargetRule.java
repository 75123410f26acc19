package dev.scorecards.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.campaigns.CampaignSpec.Target;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's target against the current definitions: whether a result meets it (now, or in a history
 * row) and the checks still between a capability and it. Exempt and not-applicable checks count as held,
 * as they do for levels.
 */
final class TargetRule {
    static final Set<String> HELD = Set.of("PASS", "EXEMPT", "NOT_APPLICABLE");

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

    /** Whether the current result meets the target: its scores (from the list) or its check states. */
    boolean done(CapabilityList.Item item, Map<String, JsonNode> states) {
        if (card != null) {
            CapabilityList.Score s = item.cards().get(card.id());
            return s != null && s.levelIndex() >= index;
        }
        return checks.stream().allMatch(c -> states.containsKey(c) && HELD.contains(states.get(c).path("state").asText()));
    }

    /** Whether a history row (its scores and check states) meets the target. */
    boolean done(CapabilityQueries.Change row) {
        if (card != null) {
            CapabilityList.Score s = row.scorecards().get(card.id());
            return s != null && s.levelIndex() >= index;
        }
        return checks.stream().allMatch(c -> row.checks().get(c) != null && HELD.contains(row.checks().get(c).name()));
    }

    /** The checks not yet held that the target needs, in the definitions' order. */
    List<Step> nextSteps(Map<String, JsonNode> states) {
        List<Step> out = new ArrayList<>();
        List<Check> needed = card == null ? checks.stream().map(definitions::check).toList()
                : card.checks().stream().filter(c -> c.levelIndex() <= index).toList();
        for (Check c : needed) {
            if (c == null) {
                continue;
            }
            JsonNode s = states.get(c.id());
            String state = s == null ? "NOT_REPORTED" : s.path("state").asText();
            if (!HELD.contains(state)) {
                out.add(new Step(c.id(), c.name(), state, s == null ? null : s.path("reason").asText(null),
                        c.remediation(), c.link()));
            }
        }
        return out;
    }
}
