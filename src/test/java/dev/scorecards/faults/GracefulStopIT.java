package dev.scorecards.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.bench.ServiceProcess;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The zero-config service (its own embedded PostgreSQL) told to stop (SIGTERM, as Kubernetes stops a pod)
 * while it is still receiving an ingestion: it finishes that request on a live database (PostgreSQL stops
 * after Quarkus), answers it, and what it answered is there after a restart ({@code quarkus.shutdown.timeout}).
 */
class GracefulStopIT {
    @Test
    void anIngestionInFlightAtSigtermIsFinishedAnsweredAndKept() throws Exception {
        Path dir = FaultFixture.workDir("graceful-stop");
        Path pgDir = dir.resolve("postgres");
        int port = ServiceProcess.freePort();
        Process service = CrashRestartIT.start(dir, pgDir, port);
        try {
            byte[] body = CrashRestartIT.component("kept").getBytes(StandardCharsets.UTF_8);
            int half = body.length / 2;
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/catalog/ingest?source=graceful HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/yaml\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, half);
                out.flush();
                // answered after the first one reached the service
                assertEquals(200, CrashRestartIT.status(port, "/q/health/live"));
                service.destroy(); // SIGTERM
                Path log = dir.resolve("service.log");
                await("the service draining its requests; see " + log).atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> Files.readString(log).contains("Waiting for HTTP requests to complete"));
                // while it drains, its PostgreSQL still runs: a read is answered from it
                assertEquals(200, CrashRestartIT.status(port, "/api/catalog/entities?limit=1"));
                out.write(body, half, body.length - half);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("\"created\":1"), answer);
            }
            assertTrue(service.waitFor(60, TimeUnit.SECONDS), "the service stopped");
            service = CrashRestartIT.start(dir, pgDir, port);
            assertEquals(List.of("kept"), CrashRestartIT.names(port));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }
}
