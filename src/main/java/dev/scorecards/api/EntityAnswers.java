package dev.scorecards.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityFilter;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.catalog.query.EntityPage;
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
    @Inject
    CatalogQueries catalog;

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
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        // a cursor that holds a predicate is read by the client (standard base64), which sends it by POST
        java.util.function.Function<Object, String> encode = q.query() == null ? Cursors::encode : Cursors::encodeStandard;
        if (page.next() != null) {
            pageInfo.put("nextCursor", encode.apply(page.next()));
        }
        if (page.previous() != null) {
            pageInfo.put("prevCursor", encode.apply(page.previous()));
        }
        return Map.of("items", page.items().stream().map(e -> CatalogEntitiesResource.raw(EntityJson.render(e, f)))
                .toList(), "totalItems", page.totalItems(), "pageInfo", pageInfo);
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
        List<String> wanted = new ArrayList<>();
        refs.forEach(r -> wanted.add(r.asText()));
        List<String> fieldParams = new ArrayList<>(fields);
        request.path("fields").forEach(f -> fieldParams.add(f.asText()));
        EntityFields f = EntityFields.parse(fieldParams);
        dev.scorecards.catalog.query.EntityCondition condition = EntityFilter.parse(filter);
        if (request.has("query")) {
            condition = dev.scorecards.catalog.query.EntityCondition.both(condition,
                    dev.scorecards.catalog.query.EntityPredicate.parse(request.get("query"), "query"));
        }
        List<Object> items = new ArrayList<>();
        for (StoredEntity e : catalog.byRefs(wanted, condition)) {
            items.add(e == null ? null : CatalogEntitiesResource.raw(EntityJson.render(e.json(), f)));
        }
        return Map.of("items", items);
    }
}
