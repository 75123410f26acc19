package dev.scorecards.catalog.query;

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
 */
public record EntityQuery(List<String> filters, EntityOrder order, String term, List<String> termFields,
        String afterValue, String afterUid, boolean backwards, Long totalItems) {
}
