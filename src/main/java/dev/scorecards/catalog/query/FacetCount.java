package dev.scorecards.catalog.query;

/** How many entities carry one value of a facet. */
public record FacetCount(String value, long count) {
}
