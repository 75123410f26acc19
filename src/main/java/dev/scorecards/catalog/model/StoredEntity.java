package dev.scorecards.catalog.model;

/** An entity as served (its stitched JSON), with the facts the read API needs beside it. */
public record StoredEntity(String ref, String uid, String source, String parentRef, String json) {
}
