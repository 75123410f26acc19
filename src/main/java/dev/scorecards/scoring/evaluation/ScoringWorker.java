package dev.scorecards.scoring.evaluation;

import dev.scorecards.errors.ServiceError;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** The one thread every evaluation runs on, in order; failures are logged and passed to whoever waits. */
final class ScoringWorker {
    private static final Logger LOG = Logger.getLogger(ScoringWorker.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scoring");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // honoured where the JVM may lower a thread's priority
        return t;
    });

    Future<EvaluationService.Outcome> submit(Callable<EvaluationService.Outcome> task) {
        return executor.submit(() -> {
            try {
                return task.call();
            } catch (Exception e) {
                LOG.error("Evaluation failed", e);
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        });
    }

    void shutdownNow() {
        executor.shutdownNow();
    }

    /** Sleeps {@code nanos} (at most half a second): background evaluation leaves the cores to reads. */
    static void pause(long nanos) {
        try {
            Thread.sleep(Math.min(nanos / 1_000_000, 500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outcome, waited for up to 120 s (then 503: it goes on in the background). */
    static EvaluationService.Outcome await(Future<EvaluationService.Outcome> f) {
        try {
            return f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw ServiceError.unavailable("Evaluation is taking longer than 120 s; it continues in the background");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
