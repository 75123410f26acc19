package dev.scorecards.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityCondition;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.catalog.query.EntityPage;
import dev.scorecards.catalog.query.EntityPredicate;
import dev.scorecards.catalog.query.EntityQuery;
import dev.scorecards.catalog.query.FacetCount;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.paging.Cursors;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backstage's predicate reads ({@code POST /entities/by-query} and {@code POST /entity-facets}): what
 * {@code @backstage/catalog-client} sends for {@code queryEntities({query})}, for a cursor whose JSON
 * holds {@code query}, and for {@code getEntityFacets({query})}.
 */
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogQueryResource {
    @Inject
    CatalogQueries catalog;

    @POST
    @Path("/entities/by-query")
    public Map<String, Object> byQuery(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = optionalObject(contentType, body);
        int limit = number(request, "limit", 200);
        EntityQuery q;
        if (request.has("cursor")) {
            String cursor = request.get("cursor").isTextual() ? request.get("cursor").asText() : "";
            if (cursor.isEmpty()) {
                throw ServiceError.input("Cursor cannot be empty");
            }
            q = Cursors.decode(cursor, EntityQuery.class, "");
            q.condition();
        } else {
            q = initial(request);
        }
        int offset = request.has("cursor") ? 0 : number(request, "offset", 0);
        EntityPage page = catalog.query(q, Math.max(limit, 1), offset);
        EntityFields fields = EntityFields.parse(strings(request, "fields"));
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (limit > 0 && page.next() != null) {
            pageInfo.put("nextCursor", Cursors.encodeStandard(page.next()));
        }
        if (limit > 0 && page.previous() != null) {
            pageInfo.put("prevCursor", Cursors.encodeStandard(page.previous()));
        }
        List<Object> items = limit == 0 ? List.of()
                : page.items().stream().map(e -> (Object) CatalogEntitiesResource.raw(EntityJson.render(e, fields))).toList();
        return Map.of("items", items, "totalItems", page.totalItems(), "pageInfo", pageInfo);
    }

    private static EntityQuery initial(JsonNode request) {
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

    @POST
    @Path("/entity-facets")
    public Map<String, Object> facets(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = optionalObject(contentType, body);
        List<String> facets = strings(request, "facets").stream().filter(f -> !f.isEmpty()).toList();
        if (facets.isEmpty()) {
            throw ServiceError.input("Missing or empty facets parameter");
        }
        JsonNode query = request.get("query");
        Map<String, List<FacetCount>> counts = catalog.facets(facets,
                query == null ? EntityCondition.ALL : EntityPredicate.parse(query, "query"));
        return Map.of("facets", counts);
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
