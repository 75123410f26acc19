package dev.scorecards.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * Issue 4's benchmark: the team interaction graph (fan-in, fan-out, betweenness) over a synthetic
 * catalog of N entities (100,000 by default, 2,000 teams), then the organisation summary with 8
 * connections for 20 s once the metrics are computed.
 * Run: {@code ./mvnw -Pbench verify -Dbench=signals -Dbench.sizes=100000}.
 */
public final class SignalsBenchmark {
    public static void main(String[] args) throws Exception {
        ServiceProcess.forEachSize("signals", "100000", "-Xmx320m -XX:+UseG1GC", SignalsBenchmark::run);
    }

    static void run(int n, Path dir, List<String> jvm) throws Exception {
        SyntheticCatalog catalog = new SyntheticCatalog(n, 42);
        try (ServiceProcess service = ServiceProcess.withScoredCatalog(catalog, dir, 8092, jvm)) {
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            String graph = ServiceProcess.send(http, HttpRequest.newBuilder(URI.create(service.base() + "/api/scorecards/teams/graph"))
                    .build());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long teams = graph.split("\"fanIn\"").length - 1;
            long edges = graph.split("\"producer\"").length - 1;
            String millis = graph.replaceAll("(?s).*\"millis\":(\\d+).*", "$1");
            System.out.printf("N=%,d entities: team graph of %,d teams and %,d edges with betweenness in %.2f s"
                    + " (server: %s ms)%n", n, teams, edges, seconds, millis);
            t0 = System.nanoTime();
            ServiceProcess.send(http, HttpRequest.newBuilder(URI.create(service.base() + "/api/scorecards/summary")).build());
            System.out.printf("  first summary (computes the aggregates): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            service.awaitQuiet();
            LoadGenerator.Result load = LoadGenerator.run(service.port, 8, 5, 20, 1, i -> "/api/scorecards/summary");
            System.out.printf("  summary, 8 connections: %s%n", load);
            System.out.printf("  service RSS: now %d MiB, peak %d MiB%n", service.rssMiB()[0], service.rssMiB()[1]);
        }
    }
}
