package dev.scorecards.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 3's benchmark: a synthetic catalog of N entities (100,000 by default) is ingested, then
 * every check of every capability is evaluated (POST /api/scorecards/evaluate, which also reads the
 * catalog graph again), one entity is changed twenty times (a consumer starts and stops using an
 * API: ingest plus the re-evaluation it causes, measured at the client), and the capability list is
 * queried with 8 connections for 20 s, then with one.
 * Run: {@code ./mvnw -Pbench verify -Dbench=scoring} ({@code -Dbench.sizes=100000}).
 */
public final class ScoringBenchmark {
    public static void main(String[] args) throws Exception {
        ServiceProcess.forEachSize("scoring", "100000", "-Xmx320m -XX:+UseG1GC", ScoringBenchmark::run);
    }

    static void run(int n, Path dir, List<String> jvm) throws Exception {
        SyntheticCatalog catalog = new SyntheticCatalog(n, 42);
        try (ServiceProcess service = ServiceProcess.withScoredCatalog(catalog, dir, 8091, jvm)) {
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            String outcome = ServiceProcess.send(http, HttpRequest.newBuilder(URI.create(service.base() + "/api/scorecards/evaluate"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            double full = (System.nanoTime() - t0) / 1e9;
            System.out.printf("N=%,d entities, %,d systems + %,d APIs = %,d capabilities, %d scorecards%n", n,
                    catalog.systems, catalog.apis, catalog.systems + catalog.apis, 4);
            System.out.printf("  full evaluation (reads the graph again, evaluates every check, compares with the stored results and stores what changed): %.2f s;"
                    + " server says %s%n", full, outcome);

            long[] times = new long[20];
            for (int i = 0; i < times.length; i++) {
                String api = i % 2 == 0 ? "api-1" : "api-2";
                String doc = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: svc-0}\n"
                        + "spec: {type: service, lifecycle: production, owner: team-1, system: system-0,"
                        + " providesApis: [api-0], consumesApis: [" + api + "]}\n";
                long s0 = System.nanoTime();
                ServiceProcess.send(http, HttpRequest.newBuilder(URI.create(service.base() + "/api/catalog/ingest?source=bench&mode=delta"))
                        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(doc)).build());
                times[i] = System.nanoTime() - s0;
            }
            Arrays.sort(times);
            System.out.printf("  one entity changed (ingest + re-evaluation of the capabilities it touches), 20 times:"
                    + " median %.0f ms, max %.0f ms%n", times[10] / 1e6, times[19] / 1e6);

            service.awaitQuiet();
            List<String> queries = new ArrayList<>();
            String[] sorts = {"name", "-level", "consumers", "-adoption", "percentage&scorecard=documentation"};
            for (int i = 0; i < 64; i++) {
                StringBuilder q = new StringBuilder("/api/scorecards/capabilities?limit=50&sort=" + sorts[i % sorts.length]);
                if (i % 3 == 0) {
                    q.append("&owner=team-").append(1 + i % 50);
                }
                if (i % 4 == 1) {
                    q.append("&kind=api");
                }
                if (i % 5 == 2) {
                    q.append("&level=integrated");
                }
                if (i % 7 == 3) {
                    q.append("&q=system-1");
                }
                queries.add(q.toString());
            }
            LoadGenerator.Result list = LoadGenerator.run(service.port, 8, 5, 20, queries.size(), queries::get);
            System.out.printf("  capability list (64 filter/sort combinations, 50 per page), 8 connections: %s%n", list);
            LoadGenerator.Result one = LoadGenerator.run(service.port, 1, 5, 20, queries.size(), queries::get);
            System.out.printf("  capability list, 1 connection: %s%n", one);
            long b0 = System.nanoTime();
            java.net.http.HttpResponse<byte[]> bulk = http.send(HttpRequest.newBuilder(URI.create(service.base()
                    + "/api/tech-insights/checks/run")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"entities\": []}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf("  tech-insights bulk run of every capability (entities: [], streamed): status %d, %,d bytes"
                    + " in %.2f s%n", bulk.statusCode(), bulk.body().length, (System.nanoTime() - b0) / 1e9);
            System.out.printf("  service RSS: now %d MiB, peak %d MiB%n", service.rssMiB()[0], service.rssMiB()[1]);
        }
    }
}
