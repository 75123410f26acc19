package dev.scorecards.ingest;

/** A registered location, as Backstage's catalog API shows it. */
public record Location(String id, String type, String target, String entityRef) {
}
