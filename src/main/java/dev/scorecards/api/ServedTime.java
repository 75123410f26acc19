package dev.scorecards.api;

import dev.scorecards.scoring.evaluation.RequestTime;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sums the time every HTTP request takes, from the first route to the end of its response: the reads a
 * background evaluation gives way to.
 */
@ApplicationScoped
public class ServedTime implements RequestTime {
    private final LongAdder served = new LongAdder();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::time); // right after MalformedRequests
    }

    private void time(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addEndHandler(done -> served.add(System.nanoTime() - start));
        rc.next();
    }

    @Override
    public long servedNanos() {
        return served.sum();
    }
}
