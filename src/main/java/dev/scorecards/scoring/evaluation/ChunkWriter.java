package dev.scorecards.scoring.evaluation;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stores an evaluation's chunks of results on a second thread while the scoring thread evaluates the next
 * chunk (PostgreSQL's work and ours overlap), in order and with at most one chunk in flight; a failed store
 * fails the evaluation at the next chunk or at {@link #finish}.
 */
final class ChunkWriter {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scoring-writer");
        t.setDaemon(true);
        return t;
    });
    private Future<Integer> inFlight;
    private int changed;

    /** Stores a chunk (returning how many results changed) once the one before it is stored. */
    void store(Callable<Integer> chunk) {
        drain();
        inFlight = executor.submit(chunk);
    }

    /** Waits for the last chunk; how many results changed since the last {@code finish}. */
    int finish() {
        drain();
        int out = changed;
        changed = 0;
        return out;
    }

    /** After a failed evaluation: waits for the chunk in flight, forgetting its outcome. */
    void discard() {
        try {
            drain();
        } catch (RuntimeException e) {
            // the evaluation's own failure is the one reported
        } finally {
            changed = 0;
        }
    }

    void shutdownNow() {
        executor.shutdownNow();
    }

    private void drain() {
        if (inFlight == null) {
            return;
        }
        try {
            changed += inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing results", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            inFlight = null;
        }
    }
}
