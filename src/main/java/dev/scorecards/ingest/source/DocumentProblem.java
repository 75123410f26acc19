package dev.scorecards.ingest.source;

/**
 * Why one document was refused: its position, the file it came from (null for a pushed request),
 * its ref when it has one, the field concerned and the message.
 */
public record DocumentProblem(int index, String location, String entityRef, String field, String message) {
}
