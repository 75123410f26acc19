package dev.scorecards.ingest.source;

import dev.scorecards.catalog.model.Conflict;
import java.util.List;

/** The answer to an ingestion: what it did to the source, and the claims it refused. */
public record IngestResult(long ingestion, String source, String mode, int documents, int created, int updated,
        int unchanged, int removed, List<Conflict> conflicts) {
}
