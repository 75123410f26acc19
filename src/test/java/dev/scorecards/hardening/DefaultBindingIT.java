package dev.scorecards.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.CatalogBenchmark;
import dev.scorecards.bench.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as its own process: with authentication off (no OIDC, the zero-config run) it
 * listens on 127.0.0.1 only and says so; an explicit {@code QUARKUS_HTTP_HOST=0.0.0.0} or OIDC on
 * makes it reachable on the machine's other addresses.
 */
class DefaultBindingIT {
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> outside() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean reachable(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 3000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static String log(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void withoutOidcOnlyThisMachineCanConnectUnlessTheHostIsSetOrOidcIsOn() throws Exception {
        Optional<InetAddress> outside = outside();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
        Path dir = Path.of("target/faults").toAbsolutePath().resolve("default-binding");
        CatalogBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(dir.resolve("postgres"), true)) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("default.log"), jdbc, JVM, Map.of())) {
                assertEquals(false, reachable(outside.get(), s.port), "reachable on " + outside.get());
                String log = log(dir.resolve("default.log"));
                assertTrue(log.contains("Listening on: http://127.0.0.1:" + s.port), log);
                assertTrue(log.contains("Authentication is off (no OIDC): listening on 127.0.0.1 only, so only this"
                        + " machine can call the service. To expose it, turn on OIDC (docs/security.md), or set"
                        + " QUARKUS_HTTP_HOST=0.0.0.0 explicitly behind a network that is yours."), log);
            }
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("explicit.log"), jdbc, JVM,
                    Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"))) {
                assertEquals(true, reachable(outside.get(), s.port));
                assertTrue(log(dir.resolve("explicit.log")).contains("Authentication is off (no OIDC) and"
                        + " quarkus.http.host=0.0.0.0 was set explicitly"));
            }
            int closed = ServiceProcess.freePort(); // the provider is not needed to start
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("oidc.log"), jdbc, JVM,
                    Map.of("QUARKUS_OIDC_TENANT_ENABLED", "true",
                            "QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + closed + "/realms/down"))) {
                assertEquals(true, reachable(outside.get(), s.port));
                assertFalse(log(dir.resolve("oidc.log")).contains("Authentication is off"));
            }
        }
    }
}
