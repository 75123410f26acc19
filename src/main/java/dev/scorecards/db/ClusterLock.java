package dev.scorecards.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a piece of work on one replica at a time: the work holds a PostgreSQL advisory lock named by
 * its key, and a replica that finds the lock taken skips the work instead of waiting. The lock
 * belongs to a database session, so it is released when the work ends or its replica dies.
 */
@ApplicationScoped
public class ClusterLock {
    @Inject
    DataSource dataSource;

    /** Runs {@code work} unless another replica is running work under {@code key}; returns whether it ran. */
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
            throw new IllegalStateException("cluster lock " + key + " failed", e);
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
