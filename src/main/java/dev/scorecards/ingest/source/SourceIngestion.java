package dev.scorecards.ingest.source;

import dev.scorecards.catalog.model.WriteResult;
import dev.scorecards.catalog.processing.EntityProcessor;
import dev.scorecards.catalog.store.CatalogWriter;
import dev.scorecards.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Iterator;
import java.util.List;

/**
 * Makes one source hold the documents offered (all or nothing): processes each, refuses the whole
 * set if any document is bad, otherwise writes it in chunks and announces what changed on commit.
 */
@ApplicationScoped
public class SourceIngestion {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SourceIngestion.class);
    private final EntityProcessor processor;
    private final CatalogWriter writer;
    private final IngestionLog log;
    private final IngestConfig.Ingest ingestConfig;
    private final IngestMetrics metrics;
    /**
     * Sources being written that held nothing when their write began: none of their documents can be stored
     * already, so their hashes are not looked up (the planner, not knowing the uncommitted rows, would scan
     * them all for every batch).
     */
    private final java.util.Set<String> firstWrites = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Inject
    SourceIngestion(EntityProcessor processor, CatalogWriter writer, IngestionLog log, IngestConfig.Ingest ingestConfig,
            IngestMetrics metrics) {
        this.processor = processor;
        this.writer = writer;
        this.log = log;
        this.ingestConfig = ingestConfig;
        this.metrics = metrics;
    }

    /**
     * Writes {@code candidates} into {@code source}; {@code full} removes what the source no longer
     * lists. {@code what} names the input in error messages ("the request", "location …").
     *
     * @throws dev.scorecards.errors.ServiceError 400 listing every bad document; nothing is stored
     */
    @Transactional
    public IngestResult ingest(String source, boolean full, Iterator<Candidate> candidates, String what) {
        String mode = full ? "full" : "delta";
        long started = System.nanoTime();
        try {
            IngestResult r = write(source, full, mode, candidates, what, started);
            metrics.storedOnCommit(mode, r.created() + r.updated() + r.unchanged(), System.nanoTime() - started);
            return r;
        } catch (RuntimeException e) {
            metrics.notStored(mode, e, System.nanoTime() - started);
            throw e;
        }
    }

    /**
     * Which of these text hashes the stored entities of {@code source} came from (hash → ref); for
     * readers of documents, on the checking thread while {@link #ingest} holds the write lock.
     */
    public java.util.function.Function<java.util.Collection<String>, java.util.Map<String, String>> lookup(
            String source) {
        return hashes -> firstWrites.contains(source) ? java.util.Map.of() : writer.storedInputs(source, hashes);
    }

    private IngestResult write(String source, boolean full, String mode, Iterator<Candidate> candidates, String what,
            long started) {
        long ingestion = log.start(source, mode);
        CatalogWriter.SourceWrite write = writer.open(source, ingestion);
        if (!write.hadEntities()) {
            firstWrites.add(source);
        }
        try {
            DocumentChecker checker = new DocumentChecker(candidates, processor, ingestConfig.chunkSize(),
                    lookup(source)::apply).start();
            try {
                for (DocumentChecker.Chunk chunk = checker.next(); chunk != null; chunk = checker.next()) {
                    write.unchanged(chunk.unchanged());
                    write.write(chunk.entities());
                }
            } catch (RuntimeException e) {
                checker.cancel();
                throw e;
            }
            return finish(source, full, mode, what, started, ingestion, write, checker);
        } finally {
            firstWrites.remove(source);
        }
    }

    private IngestResult finish(String source, boolean full, String mode, String what, long started, long ingestion,
            CatalogWriter.SourceWrite write, DocumentChecker checker) {
        List<DocumentProblem> problems = checker.problems();
        if (!problems.isEmpty()) {
            throw Rejection.of(what, problems, checker.bad());
        }
        WriteResult result = write.finish(full);
        log.finish(ingestion, result);
        LOG.infof("Ingested %s: %d documents, %d created, %d updated, %d unchanged, %d removed, %d conflicts in %d ms",
                source, checker.documents(), result.created(), result.updated(), result.unchanged(), result.removed(),
                result.conflicts().size(), (System.nanoTime() - started) / 1_000_000);
        return new IngestResult(ingestion, source, mode, checker.documents(), result.created(), result.updated(),
                result.unchanged(), result.removed(), result.conflicts());
    }

}
