package dev.scorecards.techinsights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Tech Insights client sends, read into refs, check ids and instants: bodies of
 * {@code {entities?, checks?}}, and query strings written by {@code qs} ({@code ids[0]=a&ids[1]=b},
 * also {@code ids[]=a} and {@code ids=a}). Anything else is a 400 naming the field, except what the
 * Tech Insights backend answers with a 422 of its own shape: missing {@code ids} and bad dates.
 */
final class TechInsightsRequests {
    private static final Pattern INDEXED = Pattern.compile("^ids\\[(\\d*)]$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TechInsightsRequests() {
    }

    /** A 422 with the Tech Insights backend's exact body instead of our envelope (docs/tech-insights.md). */
    static final class Unprocessable extends RuntimeException {
        final transient ObjectNode body;

        Unprocessable(ObjectNode body) {
            super(body.toString(), null, false, false);
            this.body = body;
        }
    }

    /** The {@code ids} that /facts/latest and /facts/range require: a 422 {@code {error}} when there are none. */
    static List<String> requiredIds(MultivaluedMap<String, String> query) {
        List<String> ids = ids(query);
        if (ids == null) {
            throw new Unprocessable(JSON.createObjectNode().put("error", "Failed to parse ids from request"));
        }
        return ids;
    }

    /** The {@code ids} of a query string, in order; null when there are none. */
    static List<String> ids(MultivaluedMap<String, String> query) {
        List<String> plain = new ArrayList<>();
        Map<BigInteger, List<String>> indexed = new TreeMap<>();
        for (var e : query.entrySet()) {
            Matcher m = INDEXED.matcher(e.getKey());
            if (e.getKey().equals("ids") || (m.matches() && m.group(1).isEmpty())) {
                plain.addAll(e.getValue());
            } else if (m.matches()) {
                indexed.put(new BigInteger(m.group(1)), e.getValue());
            }
        }
        indexed.values().forEach(plain::addAll);
        return plain.isEmpty() ? null : plain;
    }

    /** The {@code entity} query parameter as a full ref; a kind is required, the namespace defaults to default. */
    static EntityRef entity(String value) {
        if (value == null || value.isBlank()) {
            throw ServiceError.input("Missing query parameter entity (a ref such as component:default/name)");
        }
        return ref(value.trim(), "entity");
    }

    private static EntityRef ref(String value, String field) {
        try {
            return EntityRef.parse(value);
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid " + field + " '" + value + "': " + e.getMessage());
        }
    }

    /** {@code checks} of a body: absent or null for all, else an array of check ids. */
    static List<String> checks(JsonNode body) {
        JsonNode checks = body == null ? null : body.get("checks");
        if (checks == null || checks.isNull()) {
            return null;
        }
        if (!checks.isArray()) {
            throw ServiceError.input("Malformed request: checks must be an array of check ids");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (!checks.get(i).isTextual()) {
                throw ServiceError.input("Malformed request: checks[" + i + "] must be a string (a check id)");
            }
            out.add(checks.get(i).asText());
        }
        return out;
    }

    /** {@code entities} of a bulk body: refs, or {@code {kind, namespace?, name}} objects; empty means all. */
    static List<EntityRef> entities(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ServiceError.input("Malformed request: expected a JSON object {entities: [...], checks?: [...]}");
        }
        JsonNode entities = body.get("entities");
        if (entities == null || !entities.isArray()) {
            throw ServiceError.input("Malformed request: entities must be an array of entity refs"
                    + " (an empty array means every capability)");
        }
        List<EntityRef> out = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            JsonNode e = entities.get(i);
            String field = "entities[" + i + "]";
            if (e.isTextual()) {
                out.add(ref(e.asText(), field));
            } else if (e.isObject() && e.path("kind").isTextual() && e.path("name").isTextual()
                    && (!e.has("namespace") || e.get("namespace").isTextual())) {
                String namespace = e.has("namespace") ? e.get("namespace").asText() : EntityRef.DEFAULT_NAMESPACE;
                if (e.get("kind").asText().isEmpty() || e.get("name").asText().isEmpty() || namespace.isEmpty()) {
                    throw ServiceError.input("Invalid " + field + ": kind, namespace and name must not be empty");
                }
                out.add(new EntityRef(e.get("kind").asText(), namespace, e.get("name").asText()));
            } else {
                throw ServiceError.input("Malformed request: " + field + " must be an entity ref string or an object"
                        + " {kind, namespace, name} of strings");
            }
        }
        return out;
    }

    /**
     * A date-time query parameter: ISO-8601, with an offset or taken as UTC; when missing or invalid, a
     * 422 {@code {message, field, value}} as the backend's (its field spelled startDateTime/endDateTime).
     */
    static Instant instant(String value, String field) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return v.matches(".*(Z|[+-]\\d\\d(:?\\d\\d)?)$") ? OffsetDateTime.parse(v).toInstant()
                    : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Unprocessable(JSON.createObjectNode().put("message", "Failed to parse datetime from request")
                    .put("field", field).put("value", value));
        }
    }
}
