package dev.scorecards.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a piece of work on at most one replica (and one thread) at a time: a PostgreSQL session
 * advisory lock keyed by {@code hashtextextended(key, 0)}, held on a connection of its own for the
 * whole run. Whoever finds the lock taken skips the work instead of waiting.
 */
@ApplicationScoped
public class ClusterLock {
    @Inject
    DataSource dataSource;

    /** Runs {@code work} while holding the lock {@code key}; false (work not run) when another holds it. */
    public boolean runOnce(String key, Runnable work) {
        try (Connection c = dataSource.getConnection()) {
            if (!call(c, "select pg_try_advisory_lock(hashtextextended(?, 0))", key)) {
                return false;
            }
            try {
                work.run();
            } finally {
                call(c, "select pg_advisory_unlock(hashtextextended(?, 0))", key);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock " + key + " failed", e);
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
