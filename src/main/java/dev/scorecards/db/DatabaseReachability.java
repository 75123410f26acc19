package dev.scorecards.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether PostgreSQL can be reached right now: a fresh connection of its own (not from the pool,
 * which may merely be exhausted), opened and validated within a second. The answer is kept for a
 * second, so a burst of failing requests costs one check.
 */
@ApplicationScoped
public class DatabaseReachability {
    private static final int TIMEOUT_SECONDS = 1;
    private static final long KEEP_NANOS = 1_000_000_000L;

    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;

    private long checkedAt;
    private boolean reachable;
    private boolean checked;

    @Inject
    DatabaseReachability(DatasourceConfig config) {
        this(config.jdbc().url(), config.username(), config.password());
    }

    DatabaseReachability(String url, Optional<String> username, Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** True when a new connection to the database opens and answers within a second. */
    public synchronized boolean reachable() {
        long now = System.nanoTime();
        if (!checked || now - checkedAt > KEEP_NANOS) {
            reachable = connects(url, username.orElse(null), password.orElse(null));
            checked = true;
            checkedAt = System.nanoTime();
        }
        return reachable;
    }

    /** Opens and validates one connection to {@code jdbcUrl}, each step bounded by a second. */
    static boolean connects(String jdbcUrl, String user, String secret) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (secret != null) {
            p.setProperty("password", secret);
        }
        p.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "capability-scorecards reachability check");
        try (Connection c = new org.postgresql.Driver().connect(jdbcUrl, p)) {
            return c != null && c.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
