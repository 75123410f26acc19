package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.query.AnswerCache;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityCondition;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityFilter;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.catalog.query.EntityPage;
import dev.scorecards.catalog.query.EntityPredicate;
import dev.scorecards.catalog.query.EntityQuery;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.paging.Cursors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Backstage's by-query, by-refs and ancestry answers, assembled from the catalog's queries. */
@ApplicationScoped
public class EntityAnswers {
    private final CatalogQueries catalog;
    private final AnswerCache answers;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Inject
    EntityAnswers(CatalogQueries catalog, AnswerCache answers, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.catalog = catalog;
        this.answers = answers;
        this.mapper = mapper;
    }

    /**
     * {@code GET /entities/by-query} as JSON: the same answer as {@link #byQuery}, kept until the
     * catalog changes (refused requests are not kept: they throw before anything is stored).
     */
    public String byQueryJson(List<String> filter, List<String> fields, String limit, String offset,
            List<String> orderField, String cursor, String term, List<String> termFields, String totalItems) {
        String key = key("by-query", filter, fields, java.util.Arrays.asList(limit, offset, cursor, term, totalItems),
                orderField, termFields);
        return answers.get(key, () -> json(byQuery(filter, fields, limit, offset, orderField, cursor, term, termFields,
                totalItems)));
    }

    /** {@code GET /entity-facets} as JSON, kept until the catalog changes. */
    public String facetsJson(List<String> facet, List<String> filter) {
        if (facet.isEmpty()) {
            throw ServiceError.input("Missing facet parameter");
        }
        return answers.get(key("facets", facet, filter), () -> json(Map.of("facets",
                catalog.facets(facet, EntityFilter.parse(filter)))));
    }

    /** A cache key for the parameter lists: each value length-prefixed (absent ones marked), so no two requests share one. */
    @SafeVarargs
    private static String key(String what, List<String>... parts) {
        StringBuilder k = new StringBuilder(what);
        for (List<String> part : parts) {
            k.append('|').append(part.size());
            for (String v : part) {
                k.append(v == null ? ":-" : ":" + v.length() + ":" + v);
            }
        }
        return k.toString();
    }

    private String json(Object answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /entities/by-query}: a page, its total and the cursors of the pages around it. */
    public Map<String, Object> byQuery(List<String> filter, List<String> fields, String limit, String offset,
            List<String> orderField, String cursor, String term, List<String> termFields, String totalItems) {
        int pageSize = EntityListing.intParam("limit", limit, 200, 1);
        int skip = EntityListing.intParam("offset", offset, 0, 0);
        EntityQuery q;
        if (cursor != null && !cursor.isEmpty()) {
            q = Cursors.decode(cursor, EntityQuery.class, "");
        } else {
            List<String> tf = new ArrayList<>();
            termFields.forEach(f -> java.util.Arrays.stream(f.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).forEach(s -> tf.add(s.toLowerCase(Locale.ROOT))));
            String t = term == null || term.isBlank() ? null : term.trim().toLowerCase(Locale.ROOT);
            EntityOrder o = orderField.isEmpty() ? null : EntityOrder.parseOrderField(orderField.get(0));
            q = new EntityQuery(filter, o, t, tf, null, null, false, "exclude".equals(totalItems) ? 0L : null, null);
        }
        EntityPage page = catalog.query(q, pageSize, skip);
        EntityFields f = EntityFields.parse(fields);
        return page(q, page, f, pageSize > 0);
    }

    /**
     * A by-query answer; a cursor that holds a predicate is standard base64, which the client reads
     * (it continues by {@code POST} when the cursor's JSON has {@code query}). With {@code withItems}
     * false ({@code limit: 0}) only the count.
     */
    static Map<String, Object> page(EntityQuery q, EntityPage page, EntityFields f, boolean withItems) {
        java.util.function.Function<Object, String> encode = q.query() == null ? Cursors::encode : Cursors::encodeStandard;
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (withItems && page.next() != null) {
            pageInfo.put("nextCursor", encode.apply(page.next()));
        }
        if (withItems && page.previous() != null) {
            pageInfo.put("prevCursor", encode.apply(page.previous()));
        }
        List<Object> items = withItems ? page.items().stream()
                .map(e -> (Object) CatalogEntitiesResource.raw(EntityJson.render(e, f))).toList() : List.of();
        return Map.of("items", items, "totalItems", page.totalItems(), "pageInfo", pageInfo);
    }

    /** The entity and the Locations it was read through, root first; null when there is no such entity. */
    public Map<String, Object> ancestry(String ref) {
        List<StoredEntity> chain = catalog.ancestry(ref);
        if (chain.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredEntity e : chain) {
            items.add(Map.of("entity", CatalogEntitiesResource.raw(e.json()),
                    "parentEntityRefs", e.parentRef() == null ? List.of() : List.of(e.parentRef())));
        }
        return Map.of("rootEntityRef", chain.get(0).ref(), "items", items);
    }

    /** {@code POST /entities/by-refs}: the entities in the order asked, null where none matches. */
    public Map<String, Object> byRefs(JsonNode request, List<String> filter, List<String> fields) {
        JsonNode refs = request.get("entityRefs");
        if (refs == null || !refs.isArray()) {
            throw ServiceError.input("Malformed request: entityRefs must be an array of strings");
        }
        List<String> wanted = strings(refs, "entityRefs");
        List<String> fieldParams = new ArrayList<>(fields);
        JsonNode bodyFields = request.get("fields");
        if (bodyFields != null && !bodyFields.isNull()) {
            if (!bodyFields.isArray()) {
                throw ServiceError.input("Malformed request: fields must be an array of strings");
            }
            fieldParams.addAll(strings(bodyFields, "fields"));
        }
        EntityFields f = EntityFields.parse(fieldParams);
        EntityCondition condition = EntityFilter.parse(filter);
        if (request.has("query")) {
            condition = EntityCondition.both(condition, EntityPredicate.parse(request.get("query"), "query"));
        }
        List<Object> items = new ArrayList<>();
        for (StoredEntity e : catalog.byRefs(wanted, condition)) {
            items.add(e == null ? null : CatalogEntitiesResource.raw(EntityJson.render(e.json(), f)));
        }
        return Map.of("items", items);
    }

    /** The strings of a JSON array, or a 400 naming the first item that is not one (as Backstage's schema does). */
    private static List<String> strings(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw ServiceError.input("Malformed request: " + field + "[" + i + "] must be a string");
            }
            out.add(array.get(i).textValue());
        }
        return out;
    }
}
