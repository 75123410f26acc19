package dev.scorecards.scoring.evaluation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The scoring stage's figures at {@code /q/metrics}, by mode ({@code full}: every capability,
 * {@code incremental}: those a change affected): how long evaluations took, capabilities evaluated,
 * results that changed, and evaluations that failed. A full evaluation's time includes reading the
 * catalog graph; an incremental one's does not include updating it.
 */
@Startup // its series exist (at 0) before the first ingestion or evaluation
@ApplicationScoped
public class EvaluationMetrics {
    static final String FULL = "full";
    static final String INCREMENTAL = "incremental";

    private final MeterRegistry registry;

    private final Map<String, Timer> durations = new HashMap<>();
    private final Map<String, Counter> evaluated = new HashMap<>();
    private final Map<String, Counter> changed = new HashMap<>();
    private final Map<String, Counter> failures = new HashMap<>();

    @Inject
    EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void register() {
        for (String mode : new String[] {FULL, INCREMENTAL}) {
            durations.put(mode, Timer.builder("scorecards.evaluation.duration")
                    .description("Time to evaluate capabilities (a full evaluation includes reading the catalog graph)")
                    .tag("mode", mode).register(registry));
            evaluated.put(mode, Counter.builder("scorecards.evaluation.capabilities")
                    .description("Capabilities evaluated").tag("mode", mode).register(registry));
            changed.put(mode, Counter.builder("scorecards.evaluation.changed.results")
                    .description("Capability results that changed (and were stored with history)")
                    .tag("mode", mode).register(registry));
            failures.put(mode, Counter.builder("scorecards.evaluation.failures")
                    .description("Evaluations that failed").tag("mode", mode).register(registry));
        }
    }

    /** Runs one evaluation of this mode, recording its time and counts, or its failure. */
    EvaluationService.Outcome measure(String mode, Supplier<EvaluationService.Outcome> evaluation) {
        long t0 = System.nanoTime();
        try {
            EvaluationService.Outcome o = evaluation.get();
            evaluated.get(mode).increment(o.evaluated());
            changed.get(mode).increment(o.changed());
            return o;
        } catch (RuntimeException e) {
            failures.get(mode).increment();
            throw e;
        } finally {
            durations.get(mode).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }
}
