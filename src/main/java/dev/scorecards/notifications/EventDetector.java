package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.scoring.query.CapabilityDetail;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.ScorecardResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The events between a capability's previous and new results (each as stored, read into a record): each
 * scorecard's level moving (the ladder included), checks that held and no longer do (satisfaction checks
 * also as {@code satisfaction-dropped}), the first consumer, and new bypasses.
 */
final class EventDetector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CapabilityDetail.Adoption NO_ADOPTION = new CapabilityDetail.Adoption(0, null, null, 0, 0,
            null, null, 0, null);

    /** One event and what it adds to the common payload. */
    record Found(EventType type, ObjectNode details) {
    }

    private final Predicate<String> satisfactionCheck;

    EventDetector(Predicate<String> satisfactionCheck) {
        this.satisfactionCheck = satisfactionCheck;
    }

    List<Found> compare(CapabilityDetail before, CapabilityDetail after) {
        List<Found> out = new ArrayList<>();
        Map<String, ScorecardResult> cards = byId(before.scorecards(), ScorecardResult::id);
        for (ScorecardResult card : list(after.scorecards())) {
            ScorecardResult was = cards.get(card.id());
            if (was == null) {
                continue;
            }
            if (was.levelIndex() != card.levelIndex()) {
                ObjectNode d = JSON.createObjectNode();
                d.put("scorecard", card.id());
                d.put("from", was.level());
                d.put("to", card.level());
                d.put("direction", card.levelIndex() > was.levelIndex() ? "up" : "down");
                out.add(new Found(EventType.LEVEL_CHANGED, d));
            }
            Map<String, CheckResult> checks = byId(was.checks(), CheckResult::id);
            for (CheckResult check : list(card.checks())) {
                CheckResult old = checks.get(check.id());
                if (old == null || !old.state().holds() || check.state().holds()) {
                    continue;
                }
                ObjectNode d = JSON.createObjectNode();
                d.put("scorecard", card.id());
                d.put("check", check.id());
                d.put("from", old.state().name());
                d.put("to", check.state().name());
                d.put("reason", check.reason());
                out.add(new Found(EventType.CHECK_REGRESSED, d));
                if (satisfactionCheck.test(check.id())) {
                    ObjectNode s = d.deepCopy();
                    s.set("csat", JSON.valueToTree(after.facts() == null ? null : after.facts().get("csat")));
                    out.add(new Found(EventType.SATISFACTION_DROPPED, s));
                }
            }
        }
        CapabilityDetail.Adoption was = adoption(before);
        CapabilityDetail.Adoption adoption = adoption(after);
        if (was.consumers() == 0 && adoption.consumers() > 0) {
            ObjectNode d = JSON.createObjectNode();
            d.put("consumers", adoption.consumers());
            d.set("consumingTeams", JSON.valueToTree(adoption.consumingTeams()));
            out.add(new Found(EventType.FIRST_ADOPTER, d));
        }
        Set<String> known = new HashSet<>();
        list(was.bypasses()).forEach(b -> known.add(b.ref()));
        ArrayNode fresh = JSON.createArrayNode();
        for (CapabilityDetail.Bypass b : list(adoption.bypasses())) {
            if (!known.contains(b.ref())) {
                // the contract's order: the facts' own (ref, ownerRef, teams, how, parts)
                ObjectNode o = fresh.addObject().put("ref", b.ref()).put("ownerRef", b.ownerRef());
                o.set("teams", JSON.valueToTree(b.teams()));
                o.put("how", b.how());
                o.set("parts", JSON.valueToTree(b.parts()));
            }
        }
        if (!fresh.isEmpty()) {
            ObjectNode d = JSON.createObjectNode();
            d.set("bypasses", fresh);
            d.set("bypassingTeams", JSON.valueToTree(adoption.bypassingTeams()));
            out.add(new Found(EventType.BYPASS_DETECTED, d));
        }
        return out;
    }

    private static CapabilityDetail.Adoption adoption(CapabilityDetail result) {
        return result.adoption() == null ? NO_ADOPTION : result.adoption();
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> out = new HashMap<>();
        list(items).forEach(i -> out.put(id.apply(i), i));
        return out;
    }
}
