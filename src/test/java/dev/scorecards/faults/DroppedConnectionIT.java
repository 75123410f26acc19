package dev.scorecards.faults;

import static dev.scorecards.faults.FaultFixture.ingest;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database connection the replica listens on for catalog changes is dropped silently (a
 * failover, a NAT timeout: no reset reaches the replica). Waiting for notifications never writes,
 * so only the listener's periodic {@code select 1} notices: the replica logs the lost connection
 * and listens again on a new one, reading the catalog again.
 */
class DroppedConnectionIT {
    @Test
    void aSilentlyDroppedListenerConnectionIsNoticedAndReplaced() throws Exception {
        Path dir = FaultFixture.workDir("dropped");
        EmbeddedPostgres postgres = EmbeddedDatabase.start(dir.resolve("postgres"), true);
        ServiceProcess service = null;
        try (DroppingProxy proxy = new DroppingProxy(postgres.getPort())) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres";
            service = ServiceProcess.launchOnFreePort(dir.resolve("service.log"), url, FaultFixture.JVM, Map.of());
            ingest(service, "dropped", "delta", FaultFixture.component("before-drop", "Before", "dropped"))
                    .statusCode(200).body("created", equalTo(1));
            Path log = dir.resolve("service.log");
            long before = Files.size(log);
            assertTrue(proxy.drop() > 0);
            awaitLogged(log, before, "Listening for catalog changes failed, retrying");
            awaitLogged(log, before, "Listening for catalog changes again; the catalog is read again");
        } finally {
            if (service != null) {
                service.kill();
            }
            postgres.close();
        }
    }

    /** Waits (up to 2 minutes) until the log, after {@code offset}, holds {@code text}. */
    private static void awaitLogged(Path log, long offset, String text) throws Exception {
        await("the service logging \"" + text + "\" after the connections were dropped")
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    byte[] all = Files.readAllBytes(log);
                    return new String(all, (int) offset, all.length - (int) offset,
                            java.nio.charset.StandardCharsets.UTF_8).contains(text);
                });
    }
}
