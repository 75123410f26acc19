package dev.scorecards.ingest.source;

import dev.scorecards.catalog.model.EntityProblem;
import dev.scorecards.catalog.model.Incoming;
import dev.scorecards.catalog.processing.EntityProcessor;
import dev.scorecards.catalog.processing.ProcessingResult;
import dev.scorecards.ingest.parse.DocumentSyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and checks the offered documents on a thread of its own, handing chunks of good entities
 * to the writer as they are ready, so parsing and checking overlap with the database work. Every
 * bad document is recorded; once there is one, no more chunks are handed over.
 */
final class DocumentChecker implements Runnable {
    private static final List<Incoming> END = List.of();

    private final Iterator<Candidate> candidates;
    private final EntityProcessor processor;
    private final int chunkSize;
    private final BlockingQueue<List<Incoming>> ready = new ArrayBlockingQueue<>(4);
    private final List<DocumentProblem> problems = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile RuntimeException failure;
    private int documents;
    private int bad;

    DocumentChecker(Iterator<Candidate> candidates, EntityProcessor processor, int chunkSize) {
        this.candidates = candidates;
        this.processor = processor;
        this.chunkSize = chunkSize;
    }

    /** Starts checking on a new thread. */
    DocumentChecker start() {
        Thread t = new Thread(this, "ingest-checker");
        t.setDaemon(true);
        t.start();
        return this;
    }

    @Override
    public void run() {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<Incoming> chunk = new ArrayList<>();
        try {
            while (!cancelled && candidates.hasNext()) {
                Candidate c = candidates.next();
                documents++;
                ProcessingResult r = c.problem() == null ? processor.process(c.content())
                        : new ProcessingResult(null, processor.process(c.content()).ref(), List.of(c.problem()));
                if (!r.ok()) {
                    bad++;
                    for (EntityProblem p : r.problems()) {
                        add(new DocumentProblem(c.index(), c.location(), r.ref(), p.field(), p.backstageMessage(r.ref())));
                    }
                    continue;
                }
                String ref = r.entity().ref().toString();
                Integer previous = firstIndex.putIfAbsent(ref, c.index());
                if (previous != null) {
                    bad++;
                    add(new DocumentProblem(c.index(), c.location(), ref, "metadata.name",
                            "Duplicate nested entity: " + ref + " (also document " + previous + ")"));
                    continue;
                }
                if (problems.isEmpty()) {
                    chunk.add(new Incoming(c.index(), r.entity(), c.parentRef()));
                    if (chunk.size() >= chunkSize) {
                        hand(chunk);
                        chunk = new ArrayList<>();
                    }
                }
            }
            if (problems.isEmpty() && !chunk.isEmpty()) {
                hand(chunk);
            }
        } catch (DocumentSyntaxError e) {
            bad++;
            add(new DocumentProblem(e.index(), null, null, "", e.getMessage()));
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) { // never let a full sync see a clean end after stopping half-way
            failure = new IllegalStateException("checking documents failed: " + e, e);
        } finally {
            hand(END);
        }
    }

    /** The next chunk of good entities, or null when checking is over. */
    List<Incoming> next() {
        try {
            List<Incoming> chunk = ready.take();
            return chunk == END ? null : chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new IllegalStateException("interrupted while ingesting", e);
        }
    }

    /** Stops checking (the writer failed); the thread ends soon after. */
    void cancel() {
        cancelled = true;
        ready.clear();
    }

    /** After {@link #next()} returned null: the problems found, or the failure that stopped checking. */
    List<DocumentProblem> problems() {
        if (failure != null) {
            throw failure;
        }
        return problems;
    }

    int documents() {
        return documents;
    }

    int bad() {
        return bad;
    }

    private void hand(List<Incoming> chunk) {
        try {
            while (!ready.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void add(DocumentProblem p) {
        if (problems.size() < Rejection.MAX_LISTED) {
            problems.add(p);
        }
    }
}
