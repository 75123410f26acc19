package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The events between a capability's previous and new result documents: each scorecard's level moving
 * (the ladder included), checks that held and no longer do (satisfaction checks also as
 * {@code satisfaction-dropped}), the first consumer, and new bypasses.
 */
final class EventDetector {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** States that count towards a level. */
    private static final Set<String> HELD = Set.of("PASS", "EXEMPT", "NOT_APPLICABLE");

    /** One event and what it adds to the common payload. */
    record Found(EventType type, ObjectNode details) {
    }

    private final Predicate<String> satisfactionCheck;

    EventDetector(Predicate<String> satisfactionCheck) {
        this.satisfactionCheck = satisfactionCheck;
    }

    List<Found> compare(JsonNode before, JsonNode after) {
        List<Found> out = new ArrayList<>();
        Map<String, JsonNode> cards = byId(before.path("scorecards"));
        for (JsonNode card : after.path("scorecards")) {
            JsonNode was = cards.get(card.path("id").asText());
            if (was == null) {
                continue;
            }
            int from = was.path("levelIndex").asInt();
            int to = card.path("levelIndex").asInt();
            if (from != to) {
                ObjectNode d = JSON.createObjectNode();
                d.put("scorecard", card.path("id").asText());
                d.set("from", was.path("level"));
                d.set("to", card.path("level"));
                d.put("direction", to > from ? "up" : "down");
                out.add(new Found(EventType.LEVEL_CHANGED, d));
            }
            Map<String, JsonNode> checks = byId(was.path("checks"));
            for (JsonNode check : card.path("checks")) {
                JsonNode old = checks.get(check.path("id").asText());
                String state = check.path("state").asText();
                if (old == null || !HELD.contains(old.path("state").asText()) || HELD.contains(state)) {
                    continue;
                }
                ObjectNode d = JSON.createObjectNode();
                d.put("scorecard", card.path("id").asText());
                d.put("check", check.path("id").asText());
                d.put("from", old.path("state").asText());
                d.put("to", state);
                d.set("reason", check.path("reason"));
                out.add(new Found(EventType.CHECK_REGRESSED, d));
                if (satisfactionCheck.test(check.path("id").asText())) {
                    ObjectNode s = d.deepCopy();
                    s.set("csat", after.path("facts").path("csat"));
                    out.add(new Found(EventType.SATISFACTION_DROPPED, s));
                }
            }
        }
        JsonNode adoption = after.path("adoption");
        if (before.path("adoption").path("consumers").asLong() == 0 && adoption.path("consumers").asLong() > 0) {
            ObjectNode d = JSON.createObjectNode();
            d.put("consumers", adoption.path("consumers").asLong());
            d.set("consumingTeams", adoption.path("consumingTeams"));
            out.add(new Found(EventType.FIRST_ADOPTER, d));
        }
        Set<String> known = new HashSet<>();
        before.path("adoption").path("bypasses").forEach(b -> known.add(b.path("ref").asText()));
        ArrayNode fresh = JSON.createArrayNode();
        adoption.path("bypasses").forEach(b -> {
            if (!known.contains(b.path("ref").asText())) {
                fresh.add(b);
            }
        });
        if (!fresh.isEmpty()) {
            ObjectNode d = JSON.createObjectNode();
            d.set("bypasses", fresh);
            d.set("bypassingTeams", adoption.path("bypassingTeams"));
            out.add(new Found(EventType.BYPASS_DETECTED, d));
        }
        return out;
    }

    private static Map<String, JsonNode> byId(JsonNode items) {
        Map<String, JsonNode> out = new HashMap<>();
        items.forEach(i -> out.put(i.path("id").asText(), i));
        return out;
    }
}
