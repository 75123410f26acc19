package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What each kind of target receives for an event: plain webhooks the event itself, Slack a readable
 * {@code text}, Backstage's Notifications backend a notification for the owning group.
 */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BAD_NEWS = Set.of("check-regressed", "bypass-detected", "satisfaction-dropped",
            "campaign-missed");

    private Bodies() {
    }

    /** The body's bytes for a target of type {@code target}. */
    static byte[] render(String target, String payload) {
        if (target.equals("webhook")) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode out = JSON.createObjectNode();
        if (target.equals("slack")) {
            // Slack reads <…> as links and mentions: the names and titles in the sentence are not ours
            out.put("text", sentence(event).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        } else {
            String owner = event.has("capability") ? event.path("capability").path("owner").asText(null)
                    : event.path("campaign").path("owner").asText(null);
            ObjectNode recipients = out.putObject("recipients");
            if (owner == null) {
                recipients.put("type", "broadcast");
            } else {
                recipients.put("type", "entity").put("entityRef", owner);
            }
            ObjectNode p = out.putObject("payload");
            p.put("title", sentence(event));
            p.put("description", description(event));
            String link = link(event);
            if (link != null) {
                p.put("link", link);
            }
            String type = event.path("event").asText();
            boolean bad = BAD_NEWS.contains(type) || "down".equals(event.path("direction").asText());
            p.put("severity", bad ? "high" : "normal");
            p.put("topic", "scorecards:" + type);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One line a person reads. */
    static String sentence(JsonNode e) {
        String what = e.path("capability").path("title").asText(e.path("capability").path("entityRef").asText());
        String campaign = e.path("campaign").path("title").asText();
        return switch (e.path("event").asText()) {
            case "level-changed" -> what + ": " + e.path("scorecard").asText() + " went " + e.path("direction").asText()
                    + " from " + level(e.path("from")) + " to " + level(e.path("to"));
            case "check-regressed" -> what + ": check " + e.path("check").asText() + " no longer holds ("
                    + e.path("to").asText() + ")";
            case "satisfaction-dropped" -> what + ": user satisfaction fell below the check's threshold (CSAT "
                    + e.path("csat").asText() + ")";
            case "first-adopter" -> what + " has its first adopter";
            case "bypass-detected" -> what + " is being bypassed by " + e.path("bypasses").size() + " new entit"
                    + (e.path("bypasses").size() == 1 ? "y" : "ies");
            case "campaign-due-soon" -> "Campaign " + campaign + " is due in " + e.path("daysLeft").asInt() + " day"
                    + (e.path("daysLeft").asInt() == 1 ? "" : "s") + ": " + progress(e);
            case "campaign-missed" -> "Campaign " + campaign + " missed its deadline: " + progress(e);
            case "campaign-completed" -> "Campaign " + campaign + " is complete: " + progress(e);
            default -> e.path("event").asText();
        };
    }

    private static String description(JsonNode e) {
        if (e.has("capability")) {
            return e.path("capability").path("entityRef").asText() + ", owned by "
                    + e.path("capability").path("owner").asText("nobody");
        }
        return "Deadline " + e.path("campaign").path("deadline").asText() + ", owner "
                + e.path("campaign").path("owner").asText("nobody");
    }

    private static String progress(JsonNode e) {
        return e.path("done").asLong() + " of " + e.path("total").asLong() + " capabilities done";
    }

    private static String level(JsonNode level) {
        return level.isNull() || level.isMissingNode() ? "none" : level.asText();
    }

    /** Backstage's own page of the capability (relative, as Backstage links are). */
    private static String link(JsonNode e) {
        String ref = e.path("capability").path("entityRef").asText(null);
        if (ref == null) {
            return null;
        }
        EntityRef r = EntityRef.parse(ref);
        return "/catalog/" + r.namespace() + "/" + r.kind() + "/" + r.name();
    }
}
