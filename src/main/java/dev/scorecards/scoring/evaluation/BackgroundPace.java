package dev.scorecards.scoring.evaluation;

import dev.scorecards.scoring.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Paces a background evaluation so that reads keep the cores they use: after each chunk it pauses as
 * long as requests were being served meanwhile, at most {@code scorecards.evaluation.background-pause}
 * of the chunk's own time. With nobody reading it does not pause at all.
 */
@ApplicationScoped
class BackgroundPace {
    /** When a chunk started, and the request time served by then. */
    record Mark(long at, long served) {
    }

    private final double share;
    private final Instance<RequestTime> requests;

    @Inject
    BackgroundPace(ScoringConfig.Evaluation config, Instance<RequestTime> requests) {
        this.share = config.backgroundPause();
        this.requests = requests;
    }

    Mark mark() {
        return new Mark(System.nanoTime(), served());
    }

    /** Pauses after the chunk that started at {@code m}. */
    void after(Mark m) {
        ScoringWorker.pause(pause(System.nanoTime() - m.at(), served() - m.served(), share));
    }

    /** The pause after a chunk of {@code chunkNanos} during which requests were served for {@code servedNanos}. */
    static long pause(long chunkNanos, long servedNanos, double share) {
        return Math.max(0, Math.min((long) (chunkNanos * share), servedNanos));
    }

    private long served() {
        // no API stage (never in the service): reads are assumed to be waiting all the time
        return requests.isResolvable() ? requests.get().servedNanos() : System.nanoTime();
    }
}
