package dev.scorecards.ingest.location;

/** A registered location, as Backstage's catalog API shows it. */
public record Location(String id, String type, String target, String entityRef) {
}
