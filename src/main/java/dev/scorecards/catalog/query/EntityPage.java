package dev.scorecards.catalog.query;

import java.util.List;

/** One page of a by-query request, with the queries that fetch the next and previous pages. */
public record EntityPage(List<String> items, long totalItems, EntityQuery next, EntityQuery previous) {
}
