package dev.scorecards.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.model.EntityProblem;

/**
 * A document offered to a source before processing: its position, the file it came from (null when
 * pushed), its content, the Location entity it was read through (null when pushed), and a problem
 * found before processing (an unresolvable placeholder), if any.
 */
public record Candidate(int index, String location, JsonNode content, String parentRef, EntityProblem problem) {
}
