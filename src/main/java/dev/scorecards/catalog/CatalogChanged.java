package dev.scorecards.catalog;

/**
 * Announced when a write to the catalog commits: which ingestion, which source, and what changed.
 * Observers (the read cache, scoring) react to it; the writer never calls them.
 */
public record CatalogChanged(long ingestion, String source, ChangeSet changes) {
}
