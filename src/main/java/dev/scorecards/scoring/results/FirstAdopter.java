package dev.scorecards.scoring.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Time to first adopter: when the capability was first seen, when its first consumer was, and the
 * days between, or why it is not reported (no consumer yet, both in the same ingestion, or the
 * consumer was already there before scoring's history began).
 */
@JsonPropertyOrder({"days", "reason", "firstSeenAt", "firstConsumerAt"})
public record FirstAdopter(Instant firstSeenAt, Instant firstConsumerAt, Double days, String reason) {

    /** The first-seen record a capability's stored result carries. */
    public record Stored(Instant firstSeenAt, long firstSeenIngestion, Instant firstConsumerAt, Long firstConsumerIngestion) {
    }

    static final String NO_CONSUMER = "no consumer yet";
    static final String SAME_INGESTION = "the capability and its first consumer arrived in the same ingestion";
    static final String BEFORE_HISTORY = "its first consumer was there before scoring's history begins";

    /**
     * Works it out for a capability evaluated now in {@code ingestion} (0 when no ingestion caused
     * it), from what was stored before (null on its first evaluation).
     */
    public static FirstAdopter of(Stored stored, Instant createdAt, long firstIngestion, long consumers, long ingestion,
            Instant now) {
        Instant seenAt = stored != null ? stored.firstSeenAt() : createdAt;
        long seenIngestion = stored != null ? stored.firstSeenIngestion() : firstIngestion;
        Instant consumerAt = null;
        long consumerIngestion = 0;
        if (stored != null && stored.firstConsumerAt() != null) {
            consumerAt = stored.firstConsumerAt();
            consumerIngestion = stored.firstConsumerIngestion() == null ? 0 : stored.firstConsumerIngestion();
        } else if (consumers > 0) {
            consumerAt = now;
            consumerIngestion = ingestion;
        }
        if (consumerAt == null) {
            return new FirstAdopter(seenAt, null, null, NO_CONSUMER);
        }
        if (consumerIngestion == 0) {
            return new FirstAdopter(seenAt, consumerAt, null, BEFORE_HISTORY);
        }
        if (consumerIngestion == seenIngestion) {
            return new FirstAdopter(seenAt, consumerAt, null, SAME_INGESTION);
        }
        double days = Math.max(0, consumerAt.toEpochMilli() - seenAt.toEpochMilli()) / 86_400_000.0;
        return new FirstAdopter(seenAt, consumerAt, Math.round(days * 10_000) / 10_000.0, null);
    }
}
