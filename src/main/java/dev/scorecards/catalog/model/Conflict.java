package dev.scorecards.catalog.model;

/** A document whose entity another source already owns: refused, reported, and shown in the entity's status. */
public record Conflict(int index, String entityRef, String ownerSource, String message) {
}
