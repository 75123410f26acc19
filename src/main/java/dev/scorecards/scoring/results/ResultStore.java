package dev.scorecards.scoring.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Reads of the scoring tables that evaluation needs (when capabilities and their first consumers were
 * first seen, consumer counts in the past, which results are current), and the results' version, which
 * grows with every stored change ({@link ResultWriter} writes them).
 */
@ApplicationScoped
public class ResultStore {
    private final DataSource dataSource;

    @Inject
    ResultStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How long a version read is trusted: badges and lists ask on every request, another replica's change may wait. */
    private static final long TRUSTED_NANOS = 1_000_000_000L;

    /** The version last read and when ({@link System#nanoTime()}), or null. */
    private record Known(long version, long readAt) {
    }

    private volatile Known known;
    /** Moves whenever {@link #known} is forgotten, so a read that raced with a change is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    /**
     * Grows whenever a stored result changes (on any replica), so aggregates over them know when they are
     * stale. A read is kept for a second; a change stored by this replica is seen at once.
     */
    public long version() {
        Known k = known;
        long now = System.nanoTime();
        if (k != null && now - k.readAt() < TRUSTED_NANOS) {
            return k.version();
        }
        long generation = forgotten.get();
        long version = readVersion();
        if (forgotten.get() == generation) {
            known = new Known(version, now);
        }
        return version;
    }

    /** Asks the database again at the next {@link #version()} (after a change here, or one made behind the service). */
    public void forgetVersion() {
        forgotten.incrementAndGet();
        known = null;
    }

    private long readVersion() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select version from scoring_state where id = 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was stored about when these capabilities and their first consumers were first seen. */
    public Map<String, FirstAdopter.Stored> firstSeen(Collection<String> refs) {
        Map<String, FirstAdopter.Stored> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select entity_ref, first_seen_at, first_seen_ingestion, first_consumer_at, first_consumer_ingestion"
                        + " from scoring_capability where entity_ref = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp consumer = rs.getTimestamp(4);
                    long ci = rs.getLong(5);
                    Long consumerIngestion = rs.wasNull() ? null : ci;
                    out.put(rs.getString(1), new FirstAdopter.Stored(rs.getTimestamp(2).toInstant(), rs.getLong(3),
                            consumer == null ? null : consumer.toInstant(), consumerIngestion));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Refreshes the planner's statistics after many results changed. */
    public void analyse() {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("analyze scoring_capability");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refs of every capability with a current (not removed) result. */
    public List<String> storedRefs() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select entity_ref from scoring_capability where removed_at is null"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Each capability's consumer count at {@code since} (or when first recorded, if later). */
    public Map<String, Long> consumersSince(Collection<String> refs, Instant since) {
        Map<String, Long> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct on (entity_ref) entity_ref, consumer_count from scoring_history
                where entity_ref = any(?) and not removed
                order by entity_ref, (at <= ?) desc, case when at <= ? then at end desc, at asc
                """)) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
