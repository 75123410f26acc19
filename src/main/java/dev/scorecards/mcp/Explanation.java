package dev.scorecards.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.scoring.definitions.Scorecard;
import java.util.ArrayList;
import java.util.List;

/**
 * One capability's level in words, for an assistant: the rung it holds on the ladder and why, what its
 * next rung needs, and each scorecard's level with its next steps, all read from the capability's stored
 * result as {@code GET /api/scorecards/capabilities/{kind}/{namespace}/{name}} serves it.
 */
final class Explanation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Explanation() {
    }

    static ObjectNode of(JsonNode detail, Scorecard ladder) {
        ObjectNode out = JSON.createObjectNode();
        String ref = detail.path("entityRef").asText();
        out.put("entityRef", ref);
        out.set("title", detail.path("title"));
        out.set("kind", detail.path("kind"));
        out.set("owner", detail.path("owner"));
        out.set("level", detail.path("level"));
        JsonNode ladderCard = null;
        ArrayNode cards = out.putArray("scorecards");
        for (JsonNode card : detail.path("scorecards")) {
            if (ladder != null && ladder.id().equals(card.path("id").asText())) {
                ladderCard = card;
            }
            ObjectNode c = cards.addObject();
            c.set("id", card.path("id"));
            c.set("name", card.path("name"));
            c.set("level", card.path("level"));
            c.set("nextLevel", card.path("nextLevel"));
            c.set("percentage", card.path("percentage"));
            c.set("nextSteps", steps(card));
        }
        if (ladderCard != null) {
            out.put("ladder", ladder.name());
            out.set("levels", JSON.valueToTree(ladder.levels()));
            out.set("nextLevel", ladderCard.path("nextLevel"));
            out.set("nextSteps", steps(ladderCard));
            out.put("explanation", sentence(ref, ladder, ladderCard));
        }
        ObjectNode adoption = out.putObject("adoption");
        JsonNode a = detail.path("adoption");
        for (String field : List.of("consumers", "consumingTeams", "eligibleTeams", "rate", "bypassingTeams")) {
            adoption.set(field, a.path(field));
        }
        out.set("evaluatedAt", detail.path("evaluatedAt"));
        return out;
    }

    /** A scorecard's next steps: the checks between its level and the next, each with why and what to do. */
    private static ArrayNode steps(JsonNode card) {
        ArrayNode steps = JSON.createArrayNode();
        for (JsonNode s : card.path("nextSteps")) {
            ObjectNode step = steps.addObject();
            step.set("check", s.path("checkId"));
            step.set("name", s.path("name"));
            step.set("state", s.path("state"));
            step.set("reason", s.path("reason"));
            step.set("remediation", s.path("remediation"));
            step.set("link", s.path("link"));
        }
        return steps;
    }

    private static String sentence(String ref, Scorecard ladder, JsonNode card) {
        List<String> levels = ladder.levels();
        String level = card.path("level").isNull() ? null : card.path("level").asText(null);
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
        String next = card.path("nextLevel").isNull() ? null : card.path("nextLevel").asText(null);
        if (next == null) {
            return s.append(" It holds the top rung.").toString();
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode step : card.path("nextSteps")) {
            missing.add(step.path("name").asText() + " (" + step.path("state").asText()
                    + (step.path("reason").asText("").isEmpty() ? "" : ": " + step.path("reason").asText()) + ")");
        }
        return s.append(" To reach ").append(next).append(": ").append(missing.isEmpty() ? "nothing is missing"
                : String.join("; ", missing)).append('.').toString();
    }
}
