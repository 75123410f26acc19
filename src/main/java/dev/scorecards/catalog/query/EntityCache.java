package dev.scorecards.catalog.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scorecards.catalog.CatalogChanged;
import dev.scorecards.catalog.CatalogChangedElsewhere;
import dev.scorecards.catalog.CatalogConfig;
import dev.scorecards.catalog.CatalogNotices;
import dev.scorecards.catalog.ChangeSet;
import dev.scorecards.catalog.model.StoredEntity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Recently read entities, as served, by ref. Every catalog write announces the refs it changed on
 * PostgreSQL's {@code catalog_changed} channel when it commits; every replica listens and drops
 * those entries, so a cached entity is never older than the last commit that changed it (plus the
 * notification's delivery, milliseconds). Changes announced by other replicas are passed on as
 * {@link CatalogChangedElsewhere}, for the stages that keep their own copy of the catalog.
 */
@ApplicationScoped
public class EntityCache {
    private static final Logger LOG = Logger.getLogger(EntityCache.class);
    /**
     * Waiting for notifications never writes to the socket, so a connection silently dropped (a
     * failover, a NAT timeout) would never fail: the listener asks {@code select 1} this often, and
     * gives up on an answer after {@link #ANSWER_MILLIS}, which counts as losing the connection.
     */
    static final long CHECK_EVERY_MILLIS = 10_000;
    private static final int ANSWER_MILLIS = 5_000;

    private final DataSource dataSource;
    private final jakarta.enterprise.event.Event<CatalogChangedElsewhere> elsewhere;
    private final long maxChars;

    private Cache<String, StoredEntity> cache;
    /** Moves on before every invalidation, so a bulk fill can tell whether one ran while it read. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    EntityCache(DataSource dataSource, jakarta.enterprise.event.Event<CatalogChangedElsewhere> elsewhere,
            CatalogConfig config) {
        this.dataSource = dataSource;
        this.elsewhere = elsewhere;
        this.maxChars = config.cacheChars();
    }

    void start(@Observes StartupEvent event) {
        cache = Caffeine.newBuilder().maximumWeight(maxChars)
                .weigher((String ref, StoredEntity e) -> ref.length() + e.json().length()).build();
        running = true;
        listener = new Thread(this::listen, "catalog-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /**
     * Whether this replica hears other replicas' changes now. After an interruption it first drops
     * its cache and has the catalog graph read again, since changes may have been missed meanwhile.
     */
    boolean listening() {
        return listening;
    }

    /** The cached entity for {@code ref}, or what {@code load} reads (not cached when null). */
    StoredEntity get(String ref, Function<String, StoredEntity> load) {
        if (cache == null) {
            return load.apply(ref);
        }
        return cache.get(ref, load);
    }

    /** The cached entity, or null when it is not in the cache (nothing is read). */
    StoredEntity ifPresent(String ref) {
        return cache == null ? null : cache.getIfPresent(ref);
    }

    /** The invalidation count now: take it before reading what {@link #fill} is given. */
    long generation() {
        return generation.get();
    }

    /**
     * Adds entities read after {@link #generation()} returned {@code since}, unless an invalidation ran
     * since then (then they may be older than a commit, and none of them is kept).
     */
    void fill(long since, List<StoredEntity> read) {
        if (cache == null || generation.get() != since) {
            return;
        }
        java.util.concurrent.ConcurrentMap<String, StoredEntity> map = cache.asMap();
        read.forEach(e -> map.putIfAbsent(e.ref(), e));
        if (generation.get() != since) { // an invalidation overlapped: it may have run before the puts
            cache.invalidateAll(read.stream().map(StoredEntity::ref).toList());
        }
    }

    /** Whether the cache holds less than {@code fraction} of its capacity. */
    boolean below(double fraction) {
        return cache != null && cache.policy().eviction().map(e -> e.weightedSize().orElse(0L) < maxChars * fraction)
                .orElse(false);
    }

    /** Drops what a commit of this replica changed, before its request answers (other replicas hear it later). */
    void committed(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) CatalogChanged changed) {
        if (cache != null) {
            generation.incrementAndGet();
            ChangeSet c = changed.changes();
            cache.invalidateAll(c.created());
            cache.invalidateAll(c.updated());
            cache.invalidateAll(c.removed());
            cache.invalidateAll(c.touched());
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setNetworkTimeout(Runnable::run, ANSWER_MILLIS); // a dead pooled connection fails, never hangs
                s.execute("LISTEN " + CatalogNotices.CHANNEL);
                generation.incrementAndGet();
                cache.invalidateAll(); // anything may have changed while not listening
                if (!first) {
                    elsewhere.fire(new CatalogChangedElsewhere(java.util.Set.of(), true));
                    LOG.info("Listening for catalog changes again; the catalog is read again");
                }
                first = false;
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    PGNotification[] notes = pg.getNotifications(1000);
                    if (System.nanoTime() - checked > CHECK_EVERY_MILLIS * 1_000_000) {
                        s.execute("select 1"); // fails (SQLException) when the connection is gone
                        checked = System.nanoTime();
                    }
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification n : notes) {
                        heard(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                first = false;
                if (running) {
                    LOG.warnf("Listening for catalog changes failed, retrying: %s", e.getMessage());
                    generation.incrementAndGet();
                    cache.invalidateAll();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /** One announcement: the sender's replica id, then the refs (or {@code *} for anything). */
    private void heard(String payload) {
        CatalogNotices.Heard heard = CatalogNotices.parse(payload);
        if (heard.own()) {
            return; // this replica's own commit: its cache was cleared when it committed
        }
        List<String> refs = heard.refs();
        boolean all = heard.all();
        generation.incrementAndGet();
        if (all) {
            cache.invalidateAll();
        } else {
            cache.invalidateAll(refs);
        }
        elsewhere.fire(new CatalogChangedElsewhere(all ? java.util.Set.of() : java.util.Set.copyOf(refs), all));
    }
}
