package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.catalog.query.EntityPredicate;
import dev.scorecards.catalog.query.EntityQuery;
import dev.scorecards.errors.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON bodies of Backstage's predicate reads, checked with the backend's messages. */
final class PredicateRequests {
    private PredicateRequests() {
    }

    /** The query of a first page: predicate, order, full text and count mode, checked as Backstage checks them. */
    static EntityQuery initial(JsonNode request) {
        JsonNode query = request.get("query");
        if (query != null) {
            if (!query.isObject()) {
                throw ServiceError.input("request/body/query must be object");
            }
            EntityPredicate.parse(query, "query");
        }
        EntityOrder order = null;
        JsonNode orderBy = request.get("orderBy");
        if (orderBy != null && !orderBy.isArray()) {
            throw ServiceError.input("Malformed request: orderBy must be an array of {field, order}");
        }
        if (orderBy != null && !orderBy.isEmpty()) {
            JsonNode first = orderBy.get(0);
            for (int i = 0; i < orderBy.size(); i++) {
                JsonNode o = orderBy.get(i);
                if (!o.path("field").isTextual()) {
                    throw ServiceError.input("request/body/orderBy/" + i + " must have required property 'field'");
                }
                String dir = o.path("order").asText("");
                if (!(dir.equals("asc") || dir.equals("desc"))) {
                    throw ServiceError.input("request/body/orderBy/" + i
                            + "/order must be equal to one of the allowed values: asc, desc");
                }
            }
            order = new EntityOrder(first.get("field").asText().toLowerCase(Locale.ROOT),
                    first.get("order").asText().equals("asc"));
        }
        String term = null;
        List<String> termFields = new ArrayList<>();
        JsonNode text = request.get("fullTextFilter");
        if (text != null) {
            if (!text.isObject()) {
                throw ServiceError.input("Malformed request: fullTextFilter must be an object {term, fields}");
            }
            String t = text.path("term").asText("").trim();
            term = t.isEmpty() ? null : t.toLowerCase(Locale.ROOT);
            strings(text, "fields").forEach(f -> termFields.add(f.toLowerCase(Locale.ROOT)));
        }
        JsonNode total = request.get("totalItems");
        if (total != null && !(total.isTextual() && List.of("include", "exclude").contains(total.asText()))) {
            throw ServiceError.input("request/body/totalItems must be equal to one of the allowed values: include, exclude");
        }
        boolean exclude = total != null && total.asText().equals("exclude");
        return new EntityQuery(List.of(), order, term, termFields, null, null, false, exclude ? 0L : null, query);
    }

    /** The JSON body, {@code {}} when there is none (Backstage reads {@code req.body ?? {}}). */
    static JsonNode optionalObject(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        JsonNode node = JsonBody.value(contentType, body);
        if (!node.isObject()) {
            throw ServiceError.input("Expected body to be a JSON object");
        }
        return node;
    }

    /** A non-negative whole number property, or its default. */
    static int number(JsonNode request, String field, int fallback) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
            throw ServiceError.input("Malformed request: " + field + " must be a whole number, zero or greater");
        }
        return v.asInt();
    }

    /** An optional array of strings. */
    static List<String> strings(JsonNode request, String field) {
        JsonNode v = request.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.isTextual() ? x.asText() : null));
        }
        if (!v.isArray() || out.contains(null)) {
            throw ServiceError.input("Malformed request: " + field + " must be an array of strings");
        }
        return out;
    }
}
