package dev.scorecards.catalog.model;

/** A directed relation between two entity refs, e.g. {@code component:default/a -[ownedBy]-> group:default/t}. */
public record Relation(String sourceRef, String type, String targetRef) {
}
