package dev.scorecards.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs a piece of work on at most one replica (and one thread) at a time: a PostgreSQL session
 * advisory lock keyed by {@code hashtextextended(key, 0)}, held on a connection of its own for the
 * whole run. Whoever finds the lock taken skips the work ({@link #runOnce}) or waits a little for it
 * ({@link #runWaiting}).
 */
@ApplicationScoped
public class ClusterLock {
    private static final Logger LOG = Logger.getLogger(ClusterLock.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DataSource dataSource;

    @Inject
    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} while holding the lock {@code key}; false (work not run) when another holds it. */
    public boolean runOnce(String key, Runnable work) {
        return run(key, null, work);
    }

    /** Runs {@code work} while holding the lock {@code key}, waiting up to {@code wait} for it; false when it stayed taken. */
    public boolean runWaiting(String key, Duration wait, Runnable work) {
        return run(key, wait, work);
    }

    private boolean run(String key, Duration wait, Runnable work) {
        Connection c = null;
        boolean locked;
        try {
            c = dataSource.getConnection();
            locked = wait == null ? call(c, "select pg_try_advisory_lock(hashtextextended(?, 0))", key)
                    : waitFor(c, key, wait);
        } catch (SQLException e) {
            release(c, key, null, false);
            throw new IllegalStateException("advisory lock " + key + " failed", e);
        }
        if (!locked) {
            release(c, key, null, false);
            return false;
        }
        Throwable primary = null;
        try {
            work.run();
            return true;
        } catch (RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            release(c, key, primary, true);
        }
    }

    /**
     * Unlocks (if held) and closes. A connection that died meanwhile (the database dropped the lock
     * with it) must not hide the work's outcome: its error is logged and kept beside the work's own.
     */
    private static void release(Connection c, String key, Throwable primary, boolean unlock) {
        if (c == null) {
            return;
        }
        try (c) {
            if (unlock) {
                call(c, "select pg_advisory_unlock(hashtextextended(?, 0))", key);
            }
        } catch (SQLException e) {
            LOG.warnf("Releasing advisory lock %s failed; the database drops it with its connection: %s", key,
                    e.getMessage());
            if (primary != null) {
                primary.addSuppressed(e);
            }
        }
    }

    /** pg_advisory_lock under a lock_timeout of {@code wait} (reset for the pooled connection afterwards). */
    private static boolean waitFor(Connection c, String key, Duration wait) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set lock_timeout = " + Math.max(1, wait.toMillis()));
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_lock(hashtextextended(?, 0))")) {
                ps.setString(1, key);
                ps.execute();
                return true;
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                st.execute("reset lock_timeout");
            }
        }
    }

    private static boolean call(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
