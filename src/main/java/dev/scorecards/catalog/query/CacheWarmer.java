package dev.scorecards.catalog.query;

import dev.scorecards.catalog.CatalogChanged;
import dev.scorecards.catalog.ChangeSet;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.scorecards.catalog.CatalogConfig;
import org.jboss.logging.Logger;

/**
 * After a commit of this replica, reads the entities it created or changed (and the neighbours whose
 * relations it changed) back into the entity cache, in batches on one background thread, while the
 * cache is below a share of its capacity. A read right after an ingestion then finds its entity
 * cached instead of composing it in PostgreSQL one request at a time. Reads made while any
 * invalidation runs are dropped ({@link EntityCache#fill}), so nothing older than a commit is kept.
 */
@ApplicationScoped
public class CacheWarmer {
    private static final Logger LOG = Logger.getLogger(CacheWarmer.class);
    private static final int BATCH = 250;

    private final EntityCache cache;
    private final CatalogQueries queries;

    private final CatalogConfig config;

    private final Set<String> pending = new LinkedHashSet<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-cache-warmer");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private boolean scheduled;

    @Inject
    CacheWarmer(EntityCache cache, CatalogQueries queries, CatalogConfig config) {
        this.cache = cache;
        this.queries = queries;
        this.config = config;
    }

    /** Runs after {@link EntityCache#committed}, which dropped these refs. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS)
            @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) CatalogChanged changed) {
        if (config.cacheWarmShare() <= 0) {
            return;
        }
        ChangeSet c = changed.changes();
        synchronized (pending) {
            pending.addAll(c.created());
            pending.addAll(c.updated());
            pending.addAll(c.touched());
            pending.removeAll(c.removed());
            if (pending.isEmpty() || scheduled) {
                return;
            }
            scheduled = true;
        }
        worker.submit(this::drain);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void drain() {
        long t0 = System.nanoTime();
        int read = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> batch = next();
                if (batch.isEmpty()) {
                    break;
                }
                if (!cache.below(config.cacheWarmShare())) {
                    clear();
                    break;
                }
                long since = cache.generation();
                cache.fill(since, queries.select("where e.ref = any(?)", (Object) batch.toArray(String[]::new)));
                read += batch.size();
                Thread.yield(); // reads waiting for a core go first
            }
        } catch (RuntimeException e) {
            LOG.debugf("Warming the entity cache stopped: %s", e.getMessage());
            clear();
        } finally {
            synchronized (pending) {
                scheduled = false;
                if (!pending.isEmpty()) {
                    scheduled = true;
                    worker.submit(this::drain);
                }
            }
        }
        LOG.debugf("Read %d changed entities into the cache in %d ms", read, (System.nanoTime() - t0) / 1_000_000);
    }

    private List<String> next() {
        synchronized (pending) {
            List<String> batch = new ArrayList<>(BATCH);
            for (Iterator<String> it = pending.iterator(); it.hasNext() && batch.size() < BATCH;) {
                batch.add(it.next());
                it.remove();
            }
            return batch;
        }
    }

    private void clear() {
        synchronized (pending) {
            pending.clear();
        }
    }
}
