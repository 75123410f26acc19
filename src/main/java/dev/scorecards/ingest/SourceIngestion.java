package dev.scorecards.ingest;

import dev.scorecards.catalog.CatalogChanged;
import dev.scorecards.catalog.CatalogWriter;
import dev.scorecards.catalog.EntityProblem;
import dev.scorecards.catalog.EntityProcessor;
import dev.scorecards.catalog.Incoming;
import dev.scorecards.catalog.ProcessingResult;
import dev.scorecards.catalog.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Makes one source hold the documents offered (all or nothing): processes each, refuses the whole
 * set if any document is bad, otherwise writes it in chunks and announces what changed on commit.
 */
@ApplicationScoped
public class SourceIngestion {
    @Inject
    EntityProcessor processor;
    @Inject
    CatalogWriter writer;
    @Inject
    IngestionLog log;
    @Inject
    IngestConfig config;
    @Inject
    Event<CatalogChanged> changed;

    /**
     * Writes {@code candidates} into {@code source}; {@code full} removes what the source no longer
     * lists. {@code what} names the input in error messages ("the request", "location …").
     *
     * @throws dev.scorecards.errors.ServiceError 400 listing every bad document; nothing is stored
     */
    @Transactional
    public IngestResult ingest(String source, boolean full, Iterator<Candidate> candidates, String what) {
        String mode = full ? "full" : "delta";
        long ingestion = log.start(source, mode);
        CatalogWriter.SourceWrite write = writer.open(source, ingestion);
        List<DocumentProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Incoming> chunk = new ArrayList<>();
        int documents = 0;
        int bad = 0;
        try {
            while (candidates.hasNext()) {
                Candidate c = candidates.next();
                documents++;
                ProcessingResult r = c.problem() == null ? processor.process(c.content())
                        : new ProcessingResult(null, processor.process(c.content()).ref(), List.of(c.problem()));
                if (!r.ok()) {
                    bad++;
                    for (EntityProblem p : r.problems()) {
                        add(problems, new DocumentProblem(c.index(), c.location(), r.ref(), p.field(),
                                p.backstageMessage(r.ref())));
                    }
                    continue;
                }
                String ref = r.entity().ref().toString();
                Integer previous = firstIndex.putIfAbsent(ref, c.index());
                if (previous != null) {
                    bad++;
                    add(problems, new DocumentProblem(c.index(), c.location(), ref, "metadata.name",
                            "Duplicate nested entity: " + ref + " (also document " + previous + ")"));
                    continue;
                }
                if (problems.isEmpty()) {
                    chunk.add(new Incoming(c.index(), r.entity(), c.parentRef()));
                    if (chunk.size() >= config.ingest().chunkSize()) {
                        write.write(chunk);
                        chunk = new ArrayList<>();
                    }
                }
            }
        } catch (DocumentSyntaxError e) {
            bad++;
            add(problems, new DocumentProblem(e.index(), null, null, "", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw Rejection.of(what, problems, bad);
        }
        write.write(chunk);
        WriteResult result = write.finish(full);
        log.finish(ingestion, result);
        changed.fire(new CatalogChanged(ingestion, source, result.changes()));
        return new IngestResult(ingestion, source, mode, documents, result.created(), result.updated(),
                result.unchanged(), result.removed(), result.conflicts());
    }

    private static void add(List<DocumentProblem> problems, DocumentProblem p) {
        if (problems.size() < Rejection.MAX_LISTED) {
            problems.add(p);
        }
    }
}
