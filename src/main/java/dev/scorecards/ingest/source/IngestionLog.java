package dev.scorecards.ingest.source;

import dev.scorecards.catalog.model.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The {@code ingest_ingestion} table: one numbered row per committed ingestion (Panache, on the caller's transaction). */
@ApplicationScoped
class IngestionLog {

    /** Numbers a new ingestion; the row commits (or not) with the ingestion's writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    long start(String source, String mode) {
        Ingestion row = new Ingestion();
        row.source = source;
        row.mode = mode;
        row.persist(); // an identity column: inserted now, so the catalog rows can carry its number
        return row.id;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void finish(long id, WriteResult r) {
        Ingestion row = Ingestion.findById(id);
        row.created = r.created();
        row.updated = r.updated();
        row.unchanged = r.unchanged();
        row.removed = r.removed();
        row.conflicts = r.conflicts().size();
    }
}
