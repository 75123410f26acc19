package dev.scorecards.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.query.CapabilityDetail;
import dev.scorecards.scoring.results.NextStep;
import dev.scorecards.scoring.results.ScorecardResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One capability's level in words, for an assistant: the rung it holds on the ladder and why, what its
 * next rung needs, and each scorecard's level with its next steps, all read from the capability's
 * result as {@code GET /api/scorecards/capabilities/{kind}/{namespace}/{name}} serves it.
 */
final class Explanation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Explanation() {
    }

    static ObjectNode of(CapabilityDetail detail, Scorecard ladder) {
        ObjectNode out = JSON.createObjectNode();
        String ref = detail.entityRef();
        out.put("entityRef", ref);
        out.put("title", detail.title());
        out.put("kind", detail.kind());
        out.put("owner", detail.owner());
        out.put("level", detail.level());
        ScorecardResult ladderCard = null;
        ArrayNode cards = out.putArray("scorecards");
        for (ScorecardResult card : detail.scorecards()) {
            if (ladder != null && ladder.id().equals(card.id())) {
                ladderCard = card;
            }
            ObjectNode c = cards.addObject();
            c.put("id", card.id());
            c.put("name", card.name());
            c.put("level", card.level());
            c.put("nextLevel", card.nextLevel());
            c.put("percentage", card.percentage());
            c.set("nextSteps", steps(card));
        }
        if (ladderCard != null) {
            out.put("ladder", ladder.name());
            out.set("levels", JSON.valueToTree(ladder.levels()));
            out.put("nextLevel", ladderCard.nextLevel());
            out.set("nextSteps", steps(ladderCard));
            out.put("explanation", sentence(ref, ladder, ladderCard));
        }
        ObjectNode adoption = out.putObject("adoption");
        CapabilityDetail.Adoption a = detail.adoption();
        adoption.put("consumers", a.consumers());
        adoption.set("consumingTeams", JSON.valueToTree(a.consumingTeams()));
        adoption.put("eligibleTeams", a.eligibleTeams());
        adoption.put("rate", a.rate());
        adoption.set("bypassingTeams", JSON.valueToTree(a.bypassingTeams()));
        out.put("evaluatedAt", detail.evaluatedAt().toString());
        return out;
    }

    /** A scorecard's next steps: the checks between its level and the next, each with why and what to do. */
    private static ArrayNode steps(ScorecardResult card) {
        ArrayNode steps = JSON.createArrayNode();
        for (NextStep s : card.nextSteps()) {
            ObjectNode step = steps.addObject();
            step.put("check", s.checkId());
            step.put("name", s.name());
            step.put("state", s.state().name());
            step.put("reason", s.reason());
            step.put("remediation", s.remediation());
            step.put("link", s.link());
        }
        return steps;
    }

    private static String sentence(String ref, Scorecard ladder, ScorecardResult card) {
        List<String> levels = ladder.levels();
        String level = card.level();
        StringBuilder s = new StringBuilder(ref);
        if (level == null) {
            s.append(" holds no rung of the ").append(ladder.name()).append(" ladder yet: a check of its first rung, ")
                    .append(levels.isEmpty() ? "" : levels.get(0)).append(", does not pass.");
        } else {
            s.append(" is at ").append(level).append(", rung ").append(levels.indexOf(level) + 1).append(" of ")
                    .append(levels.size()).append(" of the ").append(ladder.name())
                    .append(" ladder: every applicable check of ").append(level)
                    .append(levels.indexOf(level) > 0 ? " and the rungs below" : "").append(" passes or is exempt.");
        }
        String next = card.nextLevel();
        if (next == null) {
            return s.append(" It holds the top rung.").toString();
        }
        List<String> missing = new ArrayList<>();
        for (NextStep step : card.nextSteps()) {
            String reason = step.reason() == null ? "" : step.reason();
            missing.add(step.name() + " (" + step.state().name() + (reason.isEmpty() ? "" : ": " + reason) + ")");
        }
        return s.append(" To reach ").append(next).append(": ").append(missing.isEmpty() ? "nothing is missing"
                : String.join("; ", missing)).append('.').toString();
    }
}
