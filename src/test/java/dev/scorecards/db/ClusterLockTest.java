package dev.scorecards.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The lock's own connection dies while the work runs (a long pull, a database failover). */
@QuarkusTest
class ClusterLockTest {
    private static final String KEY = "test:cluster-lock";

    @Inject
    ClusterLock lock;
    @Inject
    DataSource dataSource;

    @Test
    void workThatSucceededStaysSucceededWhenTheLockConnectionDied() {
        AtomicInteger runs = new AtomicInteger();
        assertTrue(lock.runOnce(KEY, () -> {
            assertEquals(1, killLockHolders());
            runs.incrementAndGet();
        }));
        assertEquals(1, runs.get());
        // the database dropped the lock with the connection: the next run takes it
        assertTrue(lock.runOnce(KEY, runs::incrementAndGet));
        assertEquals(2, runs.get());
    }

    @Test
    void theWorksOwnFailureIsThrownWithTheUnlockFailureBesideIt() {
        IllegalArgumentException own = new IllegalArgumentException("the work's own failure");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> lock.runOnce(KEY, () -> {
            assertEquals(1, killLockHolders());
            throw own;
        }));
        assertSame(own, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertTrue(thrown.getSuppressed()[0] instanceof SQLException);
    }

    /** Terminates the sessions holding the advisory lock {@link #KEY}; how many there were. */
    private int killLockHolders() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select count(pg_terminate_backend(pid)) from pg_locks where locktype = 'advisory'
                          and objsubid = 1 and ((classid::bigint << 32) | objid::bigint) = hashtextextended(?, 0)
                        """)) {
            ps.setString(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
