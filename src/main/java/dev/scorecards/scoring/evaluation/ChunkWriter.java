package dev.scorecards.scoring.evaluation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores an evaluation's chunks of results on writer threads while the scoring thread evaluates the next
 * chunk (PostgreSQL's work and ours overlap), each chunk in its own transaction on its own connection,
 * with at most {@code maxInFlight} chunks stored at once; a failed store fails the evaluation at a later chunk
 * or at {@link #finish}.
 */
final class ChunkWriter {
    private final ExecutorService executor;
    private final int maxInFlight;
    private final Deque<Future<Integer>> inFlight = new ArrayDeque<>();
    private int changed;

    ChunkWriter(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "scoring-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stores a chunk (returning how many results changed) once fewer than the most chunks at once are in flight. */
    void store(Callable<Integer> chunk) {
        while (inFlight.size() >= maxInFlight) {
            drainOldest();
        }
        inFlight.add(executor.submit(chunk));
    }

    /** Waits for every chunk in flight; how many results changed since the last {@code finish}. */
    int finish() {
        while (!inFlight.isEmpty()) {
            drainOldest();
        }
        int out = changed;
        changed = 0;
        return out;
    }

    /** After a failed evaluation: waits for the chunks in flight, forgetting their outcome. */
    void discard() {
        while (!inFlight.isEmpty()) {
            try {
                drainOldest();
            } catch (RuntimeException e) {
                // the evaluation's own failure is the one reported
            }
        }
        changed = 0;
    }

    void shutdownNow() {
        executor.shutdownNow();
    }

    private void drainOldest() {
        Future<Integer> oldest = inFlight.poll();
        try {
            changed += oldest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing results", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
