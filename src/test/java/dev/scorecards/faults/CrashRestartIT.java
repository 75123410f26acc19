package dev.scorecards.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.bench.ServiceProcess;
import java.io.IOException;
import org.awaitility.Awaitility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The zero-config service (embedded PostgreSQL in its folder) killed with {@code kill -9}: the first
 * restart in the same folder comes up although the old PostgreSQL outlived it, and what was
 * acknowledged is still there, also after {@code kill -9} of the service and its PostgreSQL together.
 */
class CrashRestartIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theFirstRestartAfterKillNineComesUpWithEverythingAcknowledged() throws Exception {
        Path dir = FaultFixture.workDir("crash-restart");
        Path pgDir = dir.resolve("postgres");
        List<Long> postgresPids = new ArrayList<>();
        Process service = null;
        try {
            int port = ServiceProcess.freePort();
            service = start(dir, pgDir, port);
            assertEquals(200, ingest(port, "first"));
            long orphan = postmasterPid(pgDir);
            postgresPids.add(orphan);
            kill9(service);
            assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                    "the embedded PostgreSQL outlives a killed service (what this test is about)");

            service = start(dir, pgDir, port); // the first restart in the same folder
            assertEquals(List.of("first"), names(port));
            assertEquals(200, ingest(port, "second"));
            long postgres = postmasterPid(pgDir);
            postgresPids.add(postgres);
            kill9(service);
            ProcessHandle.of(postgres).ifPresent(p -> { // kill -9 of PostgreSQL too: only the WAL on disk is left
                p.destroyForcibly();
                p.onExit().join();
            });

            service = start(dir, pgDir, port);
            assertEquals(List.of("first", "second"), names(port));
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            for (long pid : postgresPids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    static Process start(Path dir, Path pgDir, int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(FaultFixture.JVM);
        cmd.add("-jar");
        cmd.add(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        pb.environment().put("SCORECARDS_EMBEDDED_DB_DIR", pgDir.toString());
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("SCORECARDS_EXAMPLES_LOAD", "false");
        Process p = pb.start();
        try {
            Awaitility.await("the service ready; see " + dir.resolve("service.log")).atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the service exited; see " + dir.resolve("service.log"), () -> !p.isAlive())
                    .until(() -> ready(port));
        } catch (RuntimeException | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        return p;
    }

    private static boolean ready(int port) throws InterruptedException {
        return status(port, "/q/health/ready") == 200;
    }

    /** The status of a GET to the service on {@code port}, or -1 while nobody accepts the connection. */
    static int status(int port, String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    /** One Component document named {@code name}, owned by "team". */
    static String component(String name) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\n"
                + "spec: {type: service, lifecycle: production, owner: team}\n";
    }

    private static int ingest(int port, String name) throws Exception {
        String yaml = component(name);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/catalog/ingest?source=" + name))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static List<String> names(int port) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/catalog/entities?fields=metadata.name&order=asc:metadata.name")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> out = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).forEach(e -> out.add(e.path("metadata")
                .path("name").asText()));
        return out;
    }

    private static long postmasterPid(Path pgDir) throws IOException {
        return Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim());
    }

    private static void kill9(Process service) throws InterruptedException {
        Optional.of(service).ifPresent(Process::destroyForcibly);
        service.waitFor();
    }
}
