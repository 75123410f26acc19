package dev.scorecards.catalog;

/** How many entities carry one value of a facet. */
public record FacetCount(String value, long count) {
}
