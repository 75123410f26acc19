package dev.scorecards.catalog.model;

/**
 * A processed entity offered to a source write: its position in the request, the Location it was read
 * through, and the hash of the document as offered (see {@code EntityProcessor.inputHash}).
 */
public record Incoming(int index, ProcessedEntity entity, String parentRef, String inputHash) {
}
