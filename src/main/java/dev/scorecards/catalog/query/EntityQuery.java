package dev.scorecards.catalog.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A by-query request, also what its cursors carry: filter, one order field, full-text term, where
 * the page starts and which way it goes.
 *
 * @param filters       the {@code filter} parameters
 * @param order         the order field, or null for uid order
 * @param term          the full-text term (lower-cased, trimmed), or null
 * @param termFields    fields the term is matched in (lower-cased)
 * @param afterValue    sort value of the row the page continues from (null on the first page)
 * @param afterUid      uid of the row the page continues from (null on the first page)
 * @param backwards     true when the page is the one before {@code after…}
 * @param totalItems    the count from the first page, or null when not (yet) counted
 * @param query         the filter predicate of a {@code POST} by-query, or null (left out of cursors, so
 *     that the client knows a cursor with {@code query} continues by {@code POST})
 */
public record EntityQuery(List<String> filters, EntityOrder order, String term, List<String> termFields,
        String afterValue, String afterUid, boolean backwards, Long totalItems,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode query) {

    /** The filters and the predicate together. */
    public EntityCondition condition() {
        EntityFilter filter = EntityFilter.parse(filters);
        return query == null ? filter : EntityCondition.both(filter, EntityPredicate.parse(query, "query"));
    }

    EntityQuery continuing(String value, String uid, boolean back, long total) {
        return new EntityQuery(filters, order, term, termFields, value, uid, back, total, query);
    }
}
