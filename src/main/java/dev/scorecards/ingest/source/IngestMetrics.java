package dev.scorecards.ingest.source;

import dev.scorecards.errors.ServiceError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ingest stage's figures at {@code /q/metrics}, by mode ({@code full}, {@code delta}): entities
 * stored, documents refused, and how long each ingestion took by outcome ({@code stored};
 * {@code rejected}: refused as bad input; {@code failed}: anything else, including a rollback).
 */
@Startup // its series exist (at 0) before the first ingestion or evaluation
@ApplicationScoped
public class IngestMetrics {
    static final String ENTITIES = "scorecards.ingest.entities";
    static final String REJECTED = "scorecards.ingest.rejected.documents";
    static final String DURATION = "scorecards.ingest.duration";
    private static final String[] MODES = {"full", "delta"};
    private static final String[] OUTCOMES = {"stored", "rejected", "failed"};

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    private final Map<String, Counter> entities = new HashMap<>();
    private final Map<String, Counter> rejected = new HashMap<>();
    private final Map<String, Timer> durations = new HashMap<>();

    @Inject
    IngestMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    @PostConstruct
    void register() {
        for (String mode : MODES) {
            entities.put(mode, Counter.builder(ENTITIES).description("Entities stored by committed ingestions")
                    .tag("mode", mode).register(registry));
            rejected.put(mode, Counter.builder(REJECTED).description("Bad documents in ingestions that were refused")
                    .tag("mode", mode).register(registry));
            for (String outcome : OUTCOMES) {
                durations.put(mode + outcome, Timer.builder(DURATION).description("Time to process one ingestion")
                        .tag("mode", mode).tag("outcome", outcome).register(registry));
            }
        }
    }

    /**
     * An ingestion wrote {@code count} entities (created, updated or unchanged); counted when the
     * transaction it runs in (its own, or a caller's it joined) commits, as failed if it rolls back.
     */
    void storedOnCommit(String mode, int count, long nanos) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    entities.get(mode).increment(count);
                    durations.get(mode + "stored").record(nanos, TimeUnit.NANOSECONDS);
                } else {
                    durations.get(mode + "failed").record(nanos, TimeUnit.NANOSECONDS);
                }
            }
        });
    }

    /** An ingestion ended with {@code error}: refused bad input (4xx), or failed. */
    void notStored(String mode, RuntimeException error, long nanos) {
        if (error instanceof Rejection.Refused r) {
            rejected.get(mode).increment(r.badDocuments);
        }
        boolean badInput = error instanceof ServiceError e && e.status() < 500;
        durations.get(mode + (badInput ? "rejected" : "failed")).record(nanos, TimeUnit.NANOSECONDS);
    }
}
