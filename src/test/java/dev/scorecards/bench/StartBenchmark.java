package dev.scorecards.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start to ready as README runs the service: {@code java <flags> -jar target/quarkus-app/quarkus-run.jar}
 * with no database configured (so it starts its embedded PostgreSQL in a data folder) and the example
 * catalog registered on the first start. Timed from launching the JVM until {@code /q/health/ready} is UP
 * and an example entity answers by name: once on an empty data folder (first start: the database is
 * created, migrated and the examples read) and once more on the same folder (a restart).
 * Run: {@code ./mvnw -Pbench verify -Dbench=start} (also the first step of {@code -Dbench=catalog}).
 */
public final class StartBenchmark {
    static final String EXAMPLE = "/api/catalog/entities/by-name/system/default/secrets-vault";

    public static void main(String[] args) throws Exception {
        String flags = System.getProperty("bench.jvm", "");
        List<String> jvm = List.of((flags.isBlank() ? CatalogBenchmark.K8S_JVM : flags).trim().split(" +"));
        for (String row : run(jvm)) {
            System.out.println(row);
        }
    }

    /** The two starts' table rows. */
    static List<String> run(List<String> jvm) throws Exception {
        Path dir = Path.of("target/bench/start").toAbsolutePath();
        CatalogBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        int port = CatalogBenchmark.PORT + 10;
        List<String> rows = new ArrayList<>();
        for (String which : List.of("first start (empty data folder)", "restart (same data folder)")) {
            double s = start(dir, port, jvm);
            rows.add(String.format("| – | 122 | start to ready (embedded database, example catalog): %s, %s | %.2f s | %s |", which,
                    String.join(" ", jvm), s, CatalogBenchmark.load()));
            System.out.println(rows.get(rows.size() - 1));
        }
        return rows;
    }

    private static double start(Path dir, int port, List<String> jvm) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(Path.of(System.getProperty("bench.app", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE"));
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("SCORECARDS_EMBEDDED_DB_DIR", dir.resolve("data/postgres").toString());
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            while (System.nanoTime() - t0 < 180_000_000_000L) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the service exited with " + p.exitValue() + "; see " + dir);
                }
                if (status(http, port, "/q/health/ready") == 200 && status(http, port, EXAMPLE) == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the service was not ready within 180 s");
        } finally {
            p.destroy(); // a graceful stop: the embedded database is stopped by the service
            p.waitFor();
        }
    }

    private static int status(HttpClient http, int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
