package dev.scorecards.catalog.model;

/**
 * A stored entity as ingested (without uid, etag, relations or status), for stages that compute
 * from the catalog: its ref, its JSON, and the ingestion that first stored it and when.
 */
public record RawEntity(String ref, String json, long firstIngestion, java.time.Instant createdAt) {
}
