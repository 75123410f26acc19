package dev.scorecards.ingest;

import dev.scorecards.db.ClusterLock;
import dev.scorecards.errors.ServiceError;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");

    @Inject
    BackstageConfig config;
    @Inject
    BackstagePages pages;
    @Inject
    SourceIngestion ingestion;
    @Inject
    BackstageRuns runs;
    @Inject
    ClusterLock lock;
    @Inject
    LocationReader reader;

    /** One source as {@code GET /api/catalog/backstage} shows it; {@code interval} is null when only manual pulls run. */
    public record Status(String name, String source, String baseUrl, String interval, String filter,
            BackstageRuns.Run lastRun, String lastSuccess) {
    }

    /** Stops the service on a configuration that cannot work, naming the property. */
    void check(@Observes StartupEvent start) {
        config.sources().forEach((name, s) -> {
            String at = "scorecards.backstage." + name;
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("Invalid Backstage source name '" + name + "' (" + at
                        + ".*): expected 1-100 characters of [A-Za-z0-9._-], starting with a letter or digit");
            }
            if (s.baseUrl().isEmpty()) {
                return;
            }
            if (!absoluteHttp(s.baseUrl().get()) || !s.tokenUrl().map(BackstagePull::absoluteHttp).orElse(true)) {
                throw new IllegalStateException(at + ".base-url and " + at + ".token-url must be absolute http(s) URLs");
            }
            if (s.token().isPresent() && s.tokenUrl().isPresent()) {
                throw new IllegalStateException(at + ".token and " + at + ".token-url exclude each other");
            }
            boolean clientCredentials = s.clientId().isPresent() && s.clientSecret().isPresent();
            boolean partOfThem = s.clientId().isPresent() || s.clientSecret().isPresent();
            if (s.tokenUrl().isPresent() ? !clientCredentials : partOfThem) {
                throw new IllegalStateException(at + ".token-url, .client-id and .client-secret go together");
            }
            for (String url : s.tokenUrl().map(t -> List.of(s.baseUrl().get(), t)).orElse(List.of(s.baseUrl().get()))) {
                try {
                    reader.checkAllowed("url", url);
                } catch (ServiceError e) {
                    LOG.warnf("Backstage source %s cannot be pulled: %s", name, e.getMessage());
                }
            }
            if (s.pageSize() < 1 || s.maxEntities() < 1) {
                throw new IllegalStateException(at + ".page-size and .max-entities must be at least 1");
            }
            interval(name, s);
        });
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
            Duration interval = interval(name, s);
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
            String error = e instanceof ServiceError ? e.getMessage() : e.toString();
            runs.failed(name, error);
            LOG.warnf("Pulling %s%s failed; its entities are kept as they were: %s", SOURCE_PREFIX, name, error);
            throw e;
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && List.of("http", "https").contains(String.valueOf(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
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

    private static Duration interval(String name, BackstageConfig.Source s) {
        String v = s.interval().trim();
        if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("disabled")) {
            return null;
        }
        try {
            Duration d = DurationConverter.parseDuration(v);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalStateException("scorecards.backstage." + name + ".interval '" + v
                    + "' is neither a duration (such as 10m) nor off");
        }
    }

    private Status status(String name, BackstageConfig.Source s, BackstageRuns.Last last) {
        Duration interval = interval(name, s);
        return new Status(name, SOURCE_PREFIX + name, s.baseUrl().orElseThrow(),
                interval == null ? null : interval.toString(), s.filter().orElse(null),
                last == null ? null : last.run(), last == null ? null : last.lastSuccess());
    }
}
