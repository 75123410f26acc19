package dev.scorecards.ingest.backstage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The Backstage pulls' figures at {@code /q/metrics}, per source: pulls run on this replica by
 * outcome ({@code succeeded}, {@code failed}), and when the source last pulled successfully on any
 * replica this one has heard of (epoch seconds; 0 for never).
 */
@Startup // its series exist (at 0) before the first pull
@ApplicationScoped
public class BackstagePullMetrics {
    private static final Logger LOG = Logger.getLogger(BackstagePullMetrics.class);
    static final String PULLS = "scorecards.backstage.pulls";
    static final String LAST_SUCCESS = "scorecards.backstage.last.success";
    private static final String[] OUTCOMES = {"succeeded", "failed"};

    private final MeterRegistry registry;
    private final BackstageConfig config;
    private final BackstageRuns runs;

    private final Map<String, Counter> pulls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    @Inject
    BackstagePullMetrics(MeterRegistry registry, BackstageConfig config, BackstageRuns runs) {
        this.registry = registry;
        this.config = config;
        this.runs = runs;
    }

    @PostConstruct
    void register() {
        Map<String, BackstageRuns.Last> last = Map.of();
        try {
            last = runs.all();
        } catch (RuntimeException e) { // the database is not there yet: the gauges start at 0
            LOG.warnf("The last successful Backstage pulls could not be read: %s", e.getMessage());
        }
        for (Map.Entry<String, BackstageConfig.Source> source : config.sources().entrySet()) {
            String name = source.getKey();
            if (source.getValue().baseUrl().isEmpty()) {
                continue;
            }
            for (String outcome : OUTCOMES) {
                pulls.put(name + " " + outcome, Counter.builder(PULLS).description("Pulls of a live Backstage catalog")
                        .tag("source", name).tag("outcome", outcome).register(registry));
            }
            BackstageRuns.Last l = last.get(name);
            AtomicLong seconds = new AtomicLong(l == null || l.lastSuccess() == null ? 0
                    : Instant.parse(l.lastSuccess()).getEpochSecond());
            lastSuccess.put(name, seconds);
            Gauge.builder(LAST_SUCCESS, seconds, AtomicLong::get).baseUnit("seconds")
                    .description("When the source was last pulled successfully (epoch seconds, 0 for never)")
                    .tag("source", name).register(registry);
        }
    }

    void succeeded(String name, Instant at) {
        pulls.get(name + " succeeded").increment();
        lastSuccess.get(name).accumulateAndGet(at.getEpochSecond(), Math::max);
    }

    void failed(String name) {
        pulls.get(name + " failed").increment();
    }
}
