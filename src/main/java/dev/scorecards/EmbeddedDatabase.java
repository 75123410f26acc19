package dev.scorecards;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** The zero-config database: an embedded PostgreSQL (zonky) kept under {@code ./data/postgres} across restarts. */
public final class EmbeddedDatabase {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /**
     * Starts it and points Quarkus at it, unless a datasource URL is configured. {@code meanwhile} (work that
     * needs no database) runs on another thread while PostgreSQL starts; with a configured database it is not run.
     */
    public static synchronized void startUnlessConfigured(Runnable meanwhile) {
        if (configured("quarkus.datasource.jdbc.url") || running != null) {
            return;
        }
        Path dir = Path.of(setting("scorecards.embedded-db.dir", "data/postgres")).toAbsolutePath();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", e);
        }
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        Thread side = new Thread(meanwhile, "start-meanwhile");
        side.setDaemon(true);
        side.start();
        try {
            Files.createDirectories(dir);
            running = start(dir, false, port, false); // stopped by the hook below, after Quarkus
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            afterQuarkusStopped();
            stop();
        }, "embedded-postgres-stop"));
        LOG.infof("Embedded PostgreSQL on port %d, data in %s (set QUARKUS_DATASOURCE_JDBC_URL to use another)",
                running.getPort(), dir);
    }

    /**
     * Starts an embedded PostgreSQL in {@code dir} (created if empty), tuned for a single local
     * user, durable (a 2xx answer survives kill -9 of the service and of PostgreSQL); {@code throwaway}
     * turns durability off, for tests and benchmarks only. A PostgreSQL left running on {@code dir} by a
     * killed service is stopped first, so the first restart comes up.
     */
    public static EmbeddedPostgres start(Path dir, boolean throwaway) throws IOException {
        return start(dir, throwaway, 0);
    }

    /** As {@link #start(Path, boolean)}, on {@code port} (0: any free one), e.g. to restart on a kept directory. */
    public static EmbeddedPostgres start(Path dir, boolean throwaway, int port) throws IOException {
        return start(dir, throwaway, port, true);
    }

    /**
     * As {@link #start(Path, boolean, int)}; {@code closeOnExit} keeps zonky's own shutdown hook, which stops
     * PostgreSQL the moment the JVM is told to stop, while requests may still be finishing.
     */
    private static EmbeddedPostgres start(Path dir, boolean throwaway, int port, boolean closeOnExit)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(closeOnExit)
                .setCleanDataDirectory(throwaway)
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("max_wal_size", "1GB")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (dir != null) {
            builder.setDataDirectory(dir);
        }
        if (port != 0) {
            builder.setPort(port);
        }
        if (throwaway) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off");
        } else {
            // zonky's builder defaults to synchronous_commit=off: a commit would be acknowledged before its
            // WAL reaches the disk, and kill -9 of PostgreSQL within a moment of a 2xx would lose it
            builder.setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on");
            if (dir != null) {
                StalePostmaster.stopIfOrphaned(dir);
            }
        }
        return builder.start();
    }

    /**
     * Waits (at most 30 s) until Quarkus, stopping on its own shutdown hook at the same time, has stopped, so
     * a scoring or write running at that moment ends on a live database instead of losing its connection.
     */
    private static void afterQuarkusStopped() {
        io.quarkus.runtime.Application app = io.quarkus.runtime.Application.currentApplication();
        if (app == null) {
            return;
        }
        // awaitShutdown returns at the next change of state: from started to stopping, then from stopping to
        // stopped (at once when already stopped)
        Thread waiter = new Thread(() -> {
            app.awaitShutdown();
            app.awaitShutdown();
        }, "embedded-postgres-await-quarkus");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                LOG.warn("Stopping the embedded PostgreSQL failed", e);
            }
            running = null;
        }
    }

    private static boolean configured(String property) {
        String env = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        return notBlank(System.getProperty(property)) || notBlank(System.getenv(env));
    }

    private static String setting(String property, String fallback) {
        String env = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        String v = System.getProperty(property);
        if (!notBlank(v)) {
            v = System.getenv(env);
        }
        return notBlank(v) ? v : fallback;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

}
