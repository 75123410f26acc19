package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.UrlFetch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Webhook subscriptions and their delivery logs: create, list, delete, and redeliver one delivery. */
@ApplicationScoped
public class Webhooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TARGETS = Set.of("webhook", "slack", "backstage");
    private static final Set<String> FIELDS = Set.of("url", "type", "events", "secret", "token", "selection");

    private final UrlFetch urls;

    @Inject
    Webhooks(UrlFetch urls) {
        this.urls = urls;
    }

    @Transactional
    public ObjectNode create(JsonNode body) {
        for (var names = body.fieldNames(); names.hasNext();) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                throw ServiceError.input("Unknown webhook field '" + f + "': one of " + new java.util.TreeSet<>(FIELDS));
            }
        }
        Webhook w = new Webhook();
        w.id = UUID.randomUUID();
        w.target = optionalText(body, "type", "webhook");
        if (!TARGETS.contains(w.target)) {
            throw ServiceError.input("Invalid webhook type '" + w.target + "': one of webhook, slack, backstage");
        }
        w.url = url(requiredText(body, "url"));
        w.events = events(body.get("events"));
        w.secret = optionalText(body, "secret", null);
        w.token = optionalText(body, "token", null);
        if (w.target.equals("webhook") && (w.secret == null || w.secret.isEmpty())) {
            throw ServiceError.input("Malformed request: secret is required for a webhook (it signs every delivery)");
        }
        if (w.target.equals("backstage") && (w.token == null || w.token.isEmpty())) {
            throw ServiceError.input("Malformed request: token is required for a backstage target (a service token)");
        }
        JsonNode selection = body.path("selection");
        if (!selection.isMissingNode() && !selection.isNull() && !selection.isObject()) {
            throw ServiceError.input("Malformed request: selection must be an object");
        }
        for (var names = selection.fieldNames(); names.hasNext();) {
            String f = names.next();
            if (!f.equals("owner") && !f.equals("capabilities")) {
                throw ServiceError.input("Unknown selection field '" + f + "': owner or capabilities");
            }
        }
        w.owners = refs(selection.get("owner"), "selection.owner", "group");
        w.capabilities = refs(selection.get("capabilities"), "selection.capabilities", null);
        w.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        w.persist();
        return json(w);
    }

    public List<ObjectNode> list() {
        List<Webhook> all = Webhook.list("order by createdAt, id");
        return all.stream().map(Webhooks::json).toList();
    }

    public ObjectNode get(String id) {
        return json(find(id));
    }

    @Transactional
    public void delete(String id) {
        find(id).delete();
    }

    /** The subscription's deliveries, newest first, at most {@code limit}. */
    public List<ObjectNode> deliveries(String id, int limit) {
        Webhook w = find(id);
        List<Delivery> ds = Delivery.find("webhookId = ?1 order by seq desc", w.id).page(0, limit).list();
        Map<Long, NotificationEvent> events = NotificationEvent.<NotificationEvent>list("id in ?1",
                ds.stream().map(d -> d.eventId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(e -> e.id, e -> e));
        List<ObjectNode> out = new ArrayList<>();
        for (Delivery d : ds) {
            out.add(json(d, events.get(d.eventId)));
        }
        return out;
    }

    /** Sends a delivery again (whatever its state) at the next tick, with its id, keeping its attempts. */
    @Transactional
    public ObjectNode redeliver(String id, String deliveryId) {
        Webhook w = find(id);
        Delivery d = Delivery.findById(uuid(deliveryId, "delivery"));
        if (d == null || !d.webhookId.equals(w.id)) {
            throw ServiceError.notFound("No delivery " + deliveryId + " of webhook " + id);
        }
        d.status = "pending";
        d.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        d.deliveredAt = null;
        return json(d, NotificationEvent.findById(d.eventId));
    }

    private static Webhook find(String id) {
        Webhook w = Webhook.findById(uuid(id, "webhook"));
        if (w == null) {
            throw ServiceError.notFound("No webhook with id " + id);
        }
        return w;
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ServiceError.notFound("No " + what + " with id " + id);
        }
    }

    private String url(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid url '" + url + "': not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ServiceError.input("Invalid url '" + url + "': must be an absolute http(s) URL");
        }
        if (!urls.allowed(uri)) {
            throw ServiceError.input("Invalid url '" + url + "': host " + uri.getHost()
                    + (uri.getPort() < 0 ? "" : " port " + uri.getPort())
                    + " is not in the allow-list (scorecards.locations.allowed-hosts)");
        }
        return uri.toString();
    }

    private static String[] events(JsonNode events) {
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw ServiceError.input("Malformed request: events must be a non-empty array, of " + EventType.names());
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode e : events) {
            if (!e.isTextual() || EventType.of(e.asText()) == null) {
                throw ServiceError.input("Unknown event " + e + " in events: one of " + EventType.names());
            }
            out.add(e.asText());
        }
        return out.toArray(String[]::new);
    }

    private static String[] refs(JsonNode node, String field, String defaultKind) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : items) {
            if (!n.isTextual()) {
                throw ServiceError.input("Malformed request: " + field + " must hold entity refs (strings)");
            }
            noNul(n.asText(), field);
            try {
                out.add(EntityRef.parse(n.asText().trim(), defaultKind, EntityRef.DEFAULT_NAMESPACE).toString());
            } catch (IllegalArgumentException e) {
                throw ServiceError.input("Invalid " + field + " '" + n.asText() + "': " + e.getMessage());
            }
        }
        return out.isEmpty() ? null : out.toArray(String[]::new);
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw ServiceError.input("Malformed request: " + field + " must be a non-empty string");
        }
        return noNul(v.asText(), field);
    }

    private static String noNul(String text, String field) {
        if (text.indexOf('\0') >= 0) {
            throw ServiceError.input("Malformed request: " + field + " must not contain a NUL character");
        }
        return text;
    }

    private static String optionalText(JsonNode body, String field, String otherwise) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.isTextual()) {
            throw ServiceError.input("Malformed request: " + field + " must be a string");
        }
        return noNul(v.asText(), field);
    }

    static ObjectNode json(Webhook w) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", w.id.toString());
        o.put("url", w.url);
        o.put("type", w.target);
        ArrayNode events = o.putArray("events");
        for (String e : w.events) {
            events.add(e);
        }
        ObjectNode selection = o.putObject("selection");
        if (w.owners != null) {
            ArrayNode a = selection.putArray("owner");
            for (String s : w.owners) {
                a.add(s);
            }
        }
        if (w.capabilities != null) {
            ArrayNode a = selection.putArray("capabilities");
            for (String s : w.capabilities) {
                a.add(s);
            }
        }
        o.put("secretSet", w.secret != null && !w.secret.isEmpty());
        o.put("createdAt", w.createdAt.toString());
        return o;
    }

    static ObjectNode json(Delivery d, NotificationEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id.toString());
        o.put("webhookId", d.webhookId.toString());
        o.put("event", e == null ? null : e.type);
        o.put("eventId", d.eventId);
        o.put("entityRef", e == null ? null : e.entityRef);
        o.put("campaignId", e == null ? null : e.campaignId);
        o.put("status", d.status);
        o.put("attempts", d.attempts);
        if (d.lastStatus == null) {
            o.putNull("lastStatusCode");
        } else {
            o.put("lastStatusCode", d.lastStatus);
        }
        o.put("lastError", d.lastError);
        o.put("createdAt", d.createdAt.toString());
        o.put("lastAttemptAt", d.lastAttemptAt == null ? null : d.lastAttemptAt.toString());
        o.put("nextAttemptAt", d.status.equals("pending") ? d.nextAttemptAt.toString() : null);
        o.put("deliveredAt", d.deliveredAt == null ? null : d.deliveredAt.toString());
        try {
            o.set("payload", e == null ? null : JSON.readTree(e.payload));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return o;
    }
}
