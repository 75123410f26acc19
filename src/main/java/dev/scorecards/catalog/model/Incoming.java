package dev.scorecards.catalog.model;

/** A processed entity offered to a source write: its position in the request and the Location it was read through. */
public record Incoming(int index, ProcessedEntity entity, String parentRef) {
}
