package dev.scorecards.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.bench.ServiceProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anIngestionInFlightAtSigtermIsFinishedAnsweredAndKept() throws Exception {
        Path dir = FaultFixture.workDir("graceful-stop");
        Path pgDir = dir.resolve("postgres");
        int port = ServiceProcess.freePort();
        Process service = CrashRestartIT.start(dir, pgDir, port);
        try {
            byte[] body = ("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: kept}\n"
                    + "spec: {type: service, lifecycle: production, owner: team}\n").getBytes(StandardCharsets.UTF_8);
            int half = body.length / 2;
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/catalog/ingest?source=graceful HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/yaml\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, half);
                out.flush();
                assertEquals(200, status(port, "/q/health/live")); // answered after the first one reached it
                service.destroy(); // SIGTERM
                Path log = dir.resolve("service.log");
                await("the service draining its requests; see " + log).atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> Files.readString(log).contains("Waiting for HTTP requests to complete"));
                // while it drains, its PostgreSQL still runs: a read is answered from it
                assertEquals(200, status(port, "/api/catalog/entities?limit=1"));
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

    /** The status of a GET, or -1 when nobody accepts the connection. */
    private static int status(int port, String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }
}
