package dev.scorecards.catalog;

import java.util.Set;

/**
 * Another replica committed a catalog change (heard through PostgreSQL notifications): these refs
 * changed, or, when {@code all}, anything may have.
 */
public record CatalogChangedElsewhere(Set<String> refs, boolean all) {
}
