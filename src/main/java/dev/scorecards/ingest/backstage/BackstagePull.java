package dev.scorecards.ingest.backstage;

import dev.scorecards.db.ClusterLock;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.source.IngestResult;
import dev.scorecards.ingest.source.SourceIngestion;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Live Backstage sources: each configured catalog is pulled whole (every page first) and applied
 * as one full sync of the source {@code backstage:<name>}, on a schedule and on demand; a pull that
 * fails anywhere applies nothing. One replica at a time pulls a given source.
 */
@ApplicationScoped
public class BackstagePull {
    private static final Logger LOG = Logger.getLogger(BackstagePull.class);
    static final String SOURCE_PREFIX = "backstage:";

    private final BackstageConfig config;
    private final BackstagePages pages;
    private final SourceIngestion ingestion;
    private final BackstageRuns runs;
    private final ClusterLock lock;
    private final BackstagePullMetrics metrics;

    @Inject
    BackstagePull(BackstageConfig config, BackstagePages pages, SourceIngestion ingestion, BackstageRuns runs,
            ClusterLock lock, BackstagePullMetrics metrics) {
        this.config = config;
        this.pages = pages;
        this.ingestion = ingestion;
        this.runs = runs;
        this.lock = lock;
        this.metrics = metrics;
    }

    /** One source as {@code GET /api/catalog/backstage} shows it; {@code interval} is null when only manual pulls run. */
    public record Status(String name, String source, String baseUrl, String interval, String filter,
            BackstageRuns.Run lastRun, String lastSuccess) {
    }

    /** A pull killed mid-way (kill -9) left its temporary file behind; nothing can finish it now. */
    void deleteLeftovers(@Observes StartupEvent start) {
        int deleted = PulledEntities.deleteLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
        if (deleted > 0) {
            LOG.infof("Deleted %d temporary files of Backstage pulls that were killed", deleted);
        }
    }

    /** Every configured source with a base URL, by name. */
    public List<Status> list() {
        Map<String, BackstageRuns.Last> last = runs.all();
        List<Status> out = new ArrayList<>();
        enabled().forEach((name, s) -> out.add(status(name, s, last.get(name))));
        return out;
    }

    /** Pulls {@code name} now and returns its status; the error of a failed pull is thrown (and recorded). */
    public Status pull(String name) {
        BackstageConfig.Source s = enabled().get(name);
        if (s == null) {
            throw ServiceError.notFound("No Backstage source named '" + name + "' is configured"
                    + " (scorecards.backstage." + name + ".base-url)");
        }
        if (!lock.runOnce(SOURCE_PREFIX + name, () -> run(name, s, "manual"))) {
            throw ServiceError.conflict("A pull of " + SOURCE_PREFIX + name + " is already running");
        }
        return status(name, s, runs.all().get(name));
    }

    /** Pulls every scheduled source whose last pull (on any replica) started at least its interval ago. */
    public void pullDue() {
        enabled().forEach((name, s) -> {
            Duration interval = BackstageSourceCheck.interval(name, s);
            if (interval == null) {
                return;
            }
            try {
                lock.runOnce(SOURCE_PREFIX + name, () -> {
                    if (runs.due(name, interval)) {
                        try {
                            run(name, s, "scheduled");
                        } catch (RuntimeException recordedAndLogged) {
                            // run() kept the error in the source's status
                        }
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Looking for a due pull of %s%s failed", SOURCE_PREFIX, name);
            }
        });
    }

    @Scheduled(every = "${scorecards.backstage-pull.check-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        pullDue();
    }

    private void run(String name, BackstageConfig.Source s, String trigger) {
        runs.started(name, trigger);
        try (PulledEntities pulled = pages.fetchAll(name, s)) {
            IngestResult r = ingestion.ingest(SOURCE_PREFIX + name, true, pulled.candidates(),
                    "Backstage source " + name);
            runs.succeeded(name, r);
        } catch (RuntimeException e) {
            // what, never how: an unexpected failure's class and stack go to the log, not to the run's status
            String error = e instanceof ServiceError ? e.getMessage() : "Internal error; the service log has the details";
            metrics.failed(name);
            runs.failed(name, error);
            LOG.warnf(e instanceof ServiceError ? null : e, "Pulling %s%s failed; its entities are kept as they were: %s",
                    SOURCE_PREFIX, name, error);
            throw e;
        }
        metrics.succeeded(name, Instant.parse(runs.all().get(name).lastSuccess()));
    }

    private Map<String, BackstageConfig.Source> enabled() {
        Map<String, BackstageConfig.Source> out = new TreeMap<>();
        config.sources().forEach((name, s) -> {
            if (s.baseUrl().isPresent()) {
                out.put(name, s);
            }
        });
        return out;
    }

    private Status status(String name, BackstageConfig.Source s, BackstageRuns.Last last) {
        Duration interval = BackstageSourceCheck.interval(name, s);
        return new Status(name, SOURCE_PREFIX + name, s.baseUrl().orElseThrow(),
                interval == null ? null : interval.toString(), s.filter().orElse(null),
                last == null ? null : last.run(), last == null ? null : last.lastSuccess());
    }
}
