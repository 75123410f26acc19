package dev.scorecards.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Issue 2's benchmark: for each N, a synthetic catalog is pushed in one ingest request to a freshly
 * started service, and we measure the wall time until the response (by then every entity is
 * queryable with its relations, which is checked), the service's peak RSS, and GET by-name
 * throughput and latency with 8 concurrent connections.
 * Run: {@code ./mvnw -Pbench verify -Dbench=catalog} (sizes with {@code -Dbench.sizes=10000,100000}).
 */
public final class CatalogBenchmark {
    public static void main(String[] args) throws Exception {
        ServiceProcess.forEachSize("catalog", "10000,100000", "-Xmx200m -XX:+UseSerialGC", CatalogBenchmark::run);
    }

    static void run(int n, Path dir, List<String> jvm) throws Exception {
        SyntheticCatalog catalog = new SyntheticCatalog(n, 42);
        Path file = catalog.write(dir.resolve("catalog.yaml"));
        long bytes = Files.size(file);
        try (ServiceProcess service = ServiceProcess.start(dir, 8090, jvm,
                Map.of("SCORECARDS_INGEST_MAX_BODY_BYTES", String.valueOf(Math.max(bytes + 1, 10_485_760L))))) {
            long[] idle = service.rssMiB();
            double[] cpu0 = service.cpuSeconds();
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(service.base() + "/api/catalog/ingest?source=bench&mode=full"))
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("ingest failed: " + r.statusCode() + " " + r.body());
            }
            long[] afterIngest = service.rssMiB();
            double[] cpu1 = service.cpuSeconds();
            String count = http.send(HttpRequest.newBuilder(URI.create(service.base()
                    + "/api/catalog/entities/by-query?limit=1&fields=metadata.name")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String sample = http.send(HttpRequest.newBuilder(URI.create(service.base()
                    + "/api/catalog/entities/by-name/component/default/svc-0?fields=relations")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int relations = sample.split("targetRef").length - 1;
            // the ingestion's scoring runs in the background; read the catalog once the service is steady
            long e0 = System.nanoTime();
            String expected = String.valueOf(catalog.systems + catalog.apis);
            for (int i = 0; i < 600; i++) {
                String list = http.send(HttpRequest.newBuilder(URI.create(service.base()
                        + "/api/scorecards/capabilities?limit=1")).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (list.contains("\"totalItems\":" + expected)) {
                    break;
                }
                Thread.sleep(500);
            }
            double scoring = (System.nanoTime() - e0) / 1e9;
            service.awaitQuiet();
            System.out.printf("N=%,d (%.1f MB of YAML): ingest request to all queryable %.2f s (%,.0f entities/s)%n",
                    n, bytes / 1e6, ingestSeconds, n / ingestSeconds);
            System.out.printf("  CPU during the ingestion: service %.1f s, PostgreSQL %.1f s%n", cpu1[0] - cpu0[0],
                    cpu1[1] - cpu0[1]);
            System.out.printf("  its capabilities were scored %.1f s after the response (in the background)%n", scoring);
            System.out.printf("  response: %s%n  by-query count: %s%n  svc-0 has %d relations%n",
                    r.body().length() > 200 ? r.body().substring(0, 200) : r.body(),
                    count.replaceAll(".*\"totalItems\":(\\d+).*", "$1"), relations);
            // every component, in a scattered order
            LoadGenerator.Result load = LoadGenerator.run(service.port, 8, 5, 20, catalog.components,
                    i -> "/api/catalog/entities/by-name/component/default/"
                            + SyntheticCatalog.component((int) Math.floorMod(i * 2654435761L, (long) catalog.components)));
            long[] end = service.rssMiB();
            System.out.printf("  by-name, 8 connections: %s%n", load);
            System.out.printf("  service RSS: idle %d MiB, after ingest %d MiB, peak %d MiB%n", idle[0], afterIngest[0],
                    end[1]);
        }
    }

    public static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
