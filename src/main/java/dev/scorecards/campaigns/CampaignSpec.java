package dev.scorecards.campaigns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as defined: what must hold ({@link Target}) for which capabilities ({@link Selection}),
 * from {@code start} (null: when it was created) until {@code deadline}; {@code file} names the YAML
 * file that defines it, null when it was defined through the API.
 */
public record CampaignSpec(String id, String title, String description, String owner, Target target,
        Selection selection, LocalDate start, LocalDate deadline, String file) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A level of a scorecard ({@code scorecard} null: the ladder), or checks that must all hold
     * ({@code checks} non-empty, {@code level} null).
     */
    public record Target(String scorecard, String level, List<String> checks) {
        ObjectNode json() {
            ObjectNode o = JSON.createObjectNode();
            if (checks.isEmpty()) {
                if (scorecard != null) {
                    o.put("scorecard", scorecard);
                }
                o.put("level", level);
            } else {
                strings(o.putArray("checks"), checks);
            }
            return o;
        }
    }

    /** Which capabilities: every non-empty field must match (any of its values); all empty: every capability. */
    public record Selection(List<String> owner, List<String> kind, List<String> domain, List<String> system, String q,
            List<String> capabilities) {
        ObjectNode json() {
            ObjectNode o = JSON.createObjectNode();
            list(o, "owner", owner);
            list(o, "kind", kind);
            list(o, "domain", domain);
            list(o, "system", system);
            if (q != null) {
                o.put("q", q);
            }
            list(o, "capabilities", capabilities);
            return o;
        }

        private static void list(ObjectNode o, String field, List<String> values) {
            if (!values.isEmpty()) {
                strings(o.putArray(field), values);
            }
        }
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    /** The definition as the API shows it. */
    public ObjectNode json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("title", title);
        o.put("description", description);
        o.put("owner", owner);
        o.set("target", target.json());
        o.set("selection", selection.json());
        o.put("start", start == null ? null : start.toString());
        o.put("deadline", deadline.toString());
        o.put("source", file == null ? "api" : "file");
        return o;
    }
}
