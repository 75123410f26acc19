package dev.scorecards.ingest.source;

import dev.scorecards.catalog.model.EntityProblem;
import dev.scorecards.catalog.model.Incoming;
import dev.scorecards.catalog.processing.EntityProcessor;
import dev.scorecards.catalog.processing.InputHash;
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
import java.util.function.Function;

/**
 * Reads and checks the offered documents on a thread of its own, handing chunks of good entities
 * to the writer as they are ready, so parsing and checking overlap with the database work. Every
 * bad document is recorded; once there is one, no more chunks are handed over. A document offered
 * exactly as its stored entity was processed from (same input hash) is not processed again.
 */
final class DocumentChecker implements Runnable {
    /** Processed entities to write, and refs whose documents were offered exactly as stored. */
    record Chunk(List<Incoming> entities, List<String> unchanged) {
    }

    private static final Chunk END = new Chunk(List.of(), List.of());

    private final Iterator<Candidate> candidates;
    private final EntityProcessor processor;
    private final int chunkSize;
    /** Input hash → ref of the source's entities stored from exactly such documents. */
    private final Function<List<String>, Map<String, String>> stored;
    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(4);
    private final List<DocumentProblem> problems = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile RuntimeException failure;
    private int documents;
    private int bad;

    DocumentChecker(Iterator<Candidate> candidates, EntityProcessor processor, int chunkSize,
            Function<List<String>, Map<String, String>> stored) {
        this.candidates = candidates;
        this.stored = stored;
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
        List<String> same = new ArrayList<>();
        try {
            while (!cancelled && candidates.hasNext()) {
                // a batch of documents as offered: those whose hash is stored cost that hash, the rest are processed
                List<Candidate> batch = new ArrayList<>();
                List<String> hashes = new ArrayList<>();
                List<String> ask = new ArrayList<>();
                while (batch.size() < chunkSize && !cancelled && candidates.hasNext()) {
                    Candidate c = candidates.next();
                    batch.add(c);
                    // a text hash was looked up where the text was read; a content hash is looked up here
                    String hash = c.problem() != null ? null
                            : c.inputHash() != null ? c.inputHash() : InputHash.of(c.content(), c.parentRef());
                    hashes.add(hash);
                    if (hash != null && c.inputHash() == null) {
                        ask.add(hash);
                    }
                }
                Map<String, String> known = ask.isEmpty() ? Map.of() : stored.apply(ask);
                for (int i = 0; i < batch.size(); i++) {
                    Candidate c = batch.get(i);
                    String hash = hashes.get(i);
                    documents++;
                    String knownRef = c.knownRef() != null ? c.knownRef() : hash == null ? null : known.get(hash);
                    if (knownRef != null) {
                        if (firstSeen(firstIndex, knownRef, c) && problems.isEmpty()) {
                            same.add(knownRef);
                        }
                        continue;
                    }
                    ProcessingResult r = c.problem() == null ? processor.process(c.content())
                            : new ProcessingResult(null, processor.process(c.content()).ref(), List.of(c.problem()));
                    if (!r.ok()) {
                        bad++;
                        for (EntityProblem p : r.problems()) {
                            add(new DocumentProblem(c.index(), c.location(), r.ref(), p.field(), p.backstageMessage(r.ref())));
                        }
                        continue;
                    }
                    if (firstSeen(firstIndex, r.entity().ref().toString(), c) && problems.isEmpty()) {
                        chunk.add(new Incoming(c.index(), r.entity(), c.parentRef(), hash));
                    }
                }
                if (problems.isEmpty() && (chunk.size() >= chunkSize || same.size() >= chunkSize)) {
                    hand(new Chunk(chunk, same));
                    chunk = new ArrayList<>();
                    same = new ArrayList<>();
                }
            }
            if (problems.isEmpty() && !(chunk.isEmpty() && same.isEmpty())) {
                hand(new Chunk(chunk, same));
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

    /** Whether this is the first document with {@code ref}; a later one is a bad document. */
    private boolean firstSeen(Map<String, Integer> firstIndex, String ref, Candidate c) {
        Integer previous = firstIndex.putIfAbsent(ref, c.index());
        if (previous == null) {
            return true;
        }
        bad++;
        add(new DocumentProblem(c.index(), c.location(), ref, "metadata.name",
                "Duplicate nested entity: " + ref + " (also document " + previous + ")"));
        return false;
    }

    /** The next chunk of good entities, or null when checking is over. */
    Chunk next() {
        try {
            Chunk chunk = ready.take();
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

    private void hand(Chunk chunk) {
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
