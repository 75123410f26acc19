package dev.scorecards.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Per-caller budgets of writes and evaluations: each caller (and limit) gets a bucket of N requests
 * that fills up again one minute after its first use, as Bucket4j's interval refill does.
 */
@ApplicationScoped
public class RateLimiter {
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    /** The answer for one request: allowed, or refused until {@code retryAfterSeconds} have passed. */
    public record Decision(boolean allowed, int limit, long retryAfterSeconds) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000).build();

    private final AccessConfig.RateLimit config;

    @Inject
    RateLimiter(AccessConfig.RateLimit config) {
        this.config = config;
    }

    /** Takes one request of {@code limit} ("writes" or "evaluate") from {@code caller}'s budget. */
    public Decision take(String limit, String caller) {
        int perMinute = "evaluate".equals(limit) ? config.evaluatePerMinute() : config.writesPerMinute();
        if (perMinute <= 0) {
            return new Decision(true, 0, 0);
        }
        Bucket bucket = buckets.get(limit + "|" + caller, k -> new Bucket(perMinute));
        return bucket.take(perMinute, System.nanoTime());
    }

    private static final class Bucket {
        private long windowStart;
        private int left;

        Bucket(int perMinute) {
            this.windowStart = System.nanoTime();
            this.left = perMinute;
        }

        synchronized Decision take(int perMinute, long now) {
            if (now - windowStart >= WINDOW_NANOS) {
                windowStart = now;
                left = perMinute;
            }
            if (left > 0) {
                left--;
                return new Decision(true, perMinute, 0);
            }
            long waitNanos = windowStart + WINDOW_NANOS - now;
            return new Decision(false, perMinute, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }
}
