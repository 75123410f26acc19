package dev.scorecards.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;

/** One document read from a request or a file: its 0-based position, the line it starts on, and its content. */
public record ParsedDocument(int index, int line, JsonNode content) {
}
