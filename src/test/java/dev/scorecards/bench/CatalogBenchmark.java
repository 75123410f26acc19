package dev.scorecards.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 2's and issue 17's benchmark: for each N and each generator (ours and the reference one real
 * Backstage was measured with), two freshly started services: one registers the catalog as one
 * {@code file} location, the other receives the same content entities in one ingest request. Each
 * path is timed cold, warm with every entity changed, and warm unchanged, from the request to every
 * entity queryable with its relations (checked). Then by-name within 30 s of the ingestion, the
 * catalog list reads Backstage's catalog page makes, the home page and the peak RSS.
 * Run: {@code ./mvnw -Pbench verify -Dbench=catalog} (sizes {@code -Dbench.sizes=10000,100000},
 * generators {@code -Dbench.generators=ours,reference}, JFR per phase with {@code -Dbench.jfr=true}).
 */
public final class CatalogBenchmark {
    /**
     * k8s/'s JVM settings as its container runs them: the JVM sized for the 768 MiB limit ({@code MaxRAM}: the
     * heap at 50 % of it and the initial heap at the JVM's default share of it, as the container's limit
     * gives), the image's collector and heap ratios, native memory trimmed every 2 s, C2's inlining limits, and
     * on JDK 25+ the AOT cache {@code package} trains there.
     */
    static final String K8S_JVM = "-XX:MaxRAM=768m -XX:MaxRAMPercentage=50 -XX:+UseParallelGC -XX:NewRatio=1"
            + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90"
            + startArchive() + " -XX:+ExitOnOutOfMemoryError -XX:+UnlockExperimentalVMOptions"
            + " -XX:TrimNativeHeapInterval=2000 -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000";

    /**
     * {@code -XX:AOTCache=target/quarkus-app/app.aot} when this JVM (which runs the service too) is 25 or newer
     * and the cache exists. On 17 nothing: the AppCDS archive records the class path relative to its own folder
     * and loads only when the service runs from there (the container image does; README's command does not).
     */
    static String startArchive() {
        Path aot = Path.of("target/quarkus-app/app.aot").toAbsolutePath();
        return Runtime.version().feature() >= 25 && Files.isRegularFile(aot) ? " -XX:AOTCache=" + aot : "";
    }
    static final List<String> READS = List.of(
            "/api/catalog/entities/by-query?limit=20&filter=kind=component",
            "/api/catalog/entities/by-query?limit=100&orderField=metadata.name,asc&fullTextFilterTerm=gate&filter=kind=component",
            "/api/catalog/entity-facets?facet=spec.lifecycle&filter=kind=component",
            "/");
    private static final List<String> rows = new ArrayList<>();
    /** The location service's port; the ingest service takes the next one. */
    static final int PORT = Integer.getInteger("bench.port", 19350);

    public static void main(String[] args) throws Exception {
        String generators = System.getProperty("bench.generators", "");
        List<String> which = List.of((generators.isBlank() ? "ours,reference" : generators).split(","));
        String flags = System.getProperty("bench.jvm", "");
        rows.addAll(StartBenchmark.run(List.of((flags.isBlank() ? K8S_JVM : flags).trim().split(" +"))));
        ServiceProcess.forEachSize("catalog", "10000,100000", K8S_JVM, (n, dir, jvm) -> {
            for (String g : which) {
                Path d = dir.resolve(g.trim());
                Files.createDirectories(d);
                BenchInput input = g.trim().equals("ours") ? BenchInput.ours(n, d) : BenchInput.reference(n, d);
                run(input, d, jvm);
            }
        });
        System.out.println();
        System.out.println("| generator | N | row | figure | load average; CPU steal since the previous row |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static void row(BenchInput in, String what, String figure) {
        String line = String.format("| %s | %,d | %s | %s | %s |", in.generator(), in.n(), what, figure, load());
        rows.add(line);
        System.out.println(line);
    }

    /** /proc/stat's CPU ticks at the previous {@link #load()}: steal, and all of user to steal. */
    private static long[] previousTicks;

    /**
     * The load average, and the share of CPU time the host took as steal since the previous call (a shared
     * virtual machine's cores may be busy elsewhere: a run with much steal is not comparable).
     */
    static synchronized String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            String out = f[0] + " " + f[1] + " " + f[2];
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long[] now = {cpu.length > 8 ? Long.parseLong(cpu[8]) : 0, total};
            if (previousTicks != null && now[1] > previousTicks[1]) {
                out += String.format("; steal %.1f %%", 100.0 * (now[0] - previousTicks[0]) / (now[1] - previousTicks[1]));
            }
            previousTicks = now;
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    static void run(BenchInput in, Path dir, List<String> jvm) throws Exception {
        System.out.printf("%n%s generator, N=%,d: location %.1f MB in %d files, ingest body %.1f MB%n", in.generator(),
                in.n(), in.locationBytes() / 1e6, in.files().size(), in.bodyBytes() / 1e6);
        Map<String, String> env = Map.of("SCORECARDS_INGEST_MAX_BODY_BYTES",
                String.valueOf(Math.max(in.bodyBytes() + 1, 10_485_760L)),
                "SCORECARDS_LOCATIONS_FILE_ROOTS", dir.toString());
        boolean big = in.n() > 20_000;
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("location"), PORT, jvm, env)) {
            Phases p = new Phases(service, dir, in);
            String body = "{\"type\":\"file\",\"target\":\"" + in.root() + "\"}";
            double cold = p.timed("location-cold", () -> p.post("/api/catalog/locations", "application/json", body, 201),
                    in.locationTotal());
            row(in, "file location, cold → all queryable with relations", p.seconds(cold));
            p.scoring(in, "file location");
            row(in, "file location: service peak RSS through the cold pass and its scoring", service.rssMiB()[1] + " MiB");
            if (!big) {
                in.changeEverything(1);
                String refresh = "{\"entityRef\":\"" + in.sampleRef() + "\"}";
                double changed = p.timed("location-changed",
                        () -> p.post("/api/catalog/refresh", "application/json", refresh, 200), in.locationTotal());
                row(in, "file location, warm, all changed", p.seconds(changed));
                p.unchangedTwice("location", "file location",
                        () -> p.post("/api/catalog/refresh", "application/json", refresh, 200), in.locationTotal());
            }
            row(in, "file location: service peak RSS through every pass (" + String.join(" ", jvm) + ")",
                    service.rssMiB()[1] + " MiB");
        }
        in.changeEverything(0);
        try (BackstageFake backstage = new BackstageFake(in.body())) {
            Map<String, String> pullEnv = new java.util.HashMap<>(env);
            pullEnv.put("SCORECARDS_BACKSTAGE_BENCH_BASE_URL", backstage.baseUrl());
            pullEnv.put("SCORECARDS_BACKSTAGE_BENCH_INTERVAL", "off");
            pullEnv.put("SCORECARDS_LOCATIONS_ALLOWED_HOSTS", "127.0.0.1:*");
            try (ServiceProcess service = ServiceProcess.start(dir.resolve("pull"), PORT + 2, jvm, pullEnv)) {
                Phases p = new Phases(service, dir, in);
                double cold = p.timed("pull-cold",
                        () -> p.post("/api/catalog/backstage/bench/pull", "application/json", "", 200), backstage.size());
                row(in, "one Backstage pull (" + backstage.size() + " entities, pages of 500), cold → all queryable with relations",
                        p.seconds(cold));
                p.scoring(in, "pull");
                row(in, "pull: service peak RSS through the pull and its scoring", service.rssMiB()[1] + " MiB");
            }
        }
        if (big) {
            return;
        }
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("ingest"), PORT + 1, jvm, env)) {
            Phases p = new Phases(service, dir, in);
            String ingest = "/api/catalog/ingest?source=bench&mode=full";
            double cold = p.timed("ingest-cold", () -> p.postFile(ingest, in.body()), in.ingestTotal());
            row(in, "one ingest request, cold → all queryable with relations", p.seconds(cold));
            // by-name within 30 s after the ingestion ends, while its scoring may still run (issue 17's wording)
            LoadGenerator.Result early = p.load("by-name-early", 8, 2, 25, in.componentNames().size(),
                    i -> "/api/catalog/entities/by-name/component/default/"
                            + in.componentNames().get((int) Math.floorMod(i * 2654435761L, (long) in.componentNames().size())));
            row(in, "by-name, 8 connections, 2–27 s after the ingestion (scoring may run)", early.toString());
            p.scoring(in, "ingest");
            row(in, "ingest: service peak RSS through the cold pass and its scoring", service.rssMiB()[1] + " MiB");
            in.changeEverything(2);
            double changed = p.timed("ingest-changed", () -> p.postFile(ingest, in.body()), in.ingestTotal());
            row(in, "one ingest request, warm, all changed", p.seconds(changed));
            p.unchangedTwice("ingest", "one ingest request", () -> p.postFile(ingest, in.body()), in.ingestTotal());
            row(in, "ingest: service peak RSS through every pass", service.rssMiB()[1] + " MiB");
            service.awaitQuiet();
            for (String read : READS) {
                LoadGenerator.Result r = p.load("read-" + READS.indexOf(read), 8, 5, 15, 1, i -> read);
                row(in, "`" + read + "`, 8 connections", r.toString());
            }
            LoadGenerator.Result late = p.load("by-name-late", 8, 5, 15, in.componentNames().size(),
                    i -> "/api/catalog/entities/by-name/component/default/"
                            + in.componentNames().get((int) Math.floorMod(i * 2654435761L, (long) in.componentNames().size())));
            row(in, "by-name, 8 connections, after the reads", late.toString());
            row(in, "ingest: service peak RSS at the end", service.rssMiB()[1] + " MiB");
        }
    }

    /** The timed steps against one service, each optionally recorded by JFR of its own. */
    static final class Phases {
        final ServiceProcess service;
        final Path dir;
        final BenchInput in;
        final HttpClient http = HttpClient.newHttpClient();
        final boolean jfr = Boolean.getBoolean("bench.jfr");

        Phases(ServiceProcess service, Path dir, BenchInput in) {
            this.service = service;
            this.dir = dir;
            this.in = in;
        }

        interface Step {
            void run() throws Exception;
        }

        String seconds(double s) {
            return String.format("%.2f s", s);
        }

        /** Runs the step and checks that {@code total} entities are there and the sample's relations too. */
        double timed(String name, Step step, int total) throws Exception {
            jfr(name, true);
            long t0 = System.nanoTime();
            step.run();
            double s = (System.nanoTime() - t0) / 1e9;
            jfr(name, false);
            String count = get("/api/catalog/entities/by-query?limit=1&fields=metadata.name");
            String found = count.replaceAll("(?s).*\"totalItems\":(\\d+).*", "$1");
            if (!found.equals(String.valueOf(total))) {
                throw new IllegalStateException(name + ": " + found + " entities, expected " + total);
            }
            String[] ref = in.sampleRef().split("[:/]");
            String sample = get("/api/catalog/entities/by-name/" + ref[0] + "/" + ref[1] + "/" + ref[2] + "?fields=relations");
            for (String target : in.sampleTargets()) {
                if (!sample.contains("\"targetRef\":\"" + target + "\"")) {
                    throw new IllegalStateException(name + ": " + in.sampleRef() + " lacks a relation to " + target);
                }
            }
            if (in.sampleTargets().isEmpty() && !sample.contains("targetRef")) {
                throw new IllegalStateException(name + ": " + in.sampleRef() + " has no relations");
            }
            System.out.printf("  %s: %.2f s, %s entities (load %s)%n", name, s, found, CatalogBenchmark.load());
            return s;
        }

        /**
         * The unchanged pass right after the changed one (whose scoring still runs), then again once the
         * service has settled: what a refresh costs on a busy service, and what an unchanged document costs.
         */
        void unchangedTwice(String phase, String path, Step step, int total) throws Exception {
            double busy = timed(phase + "-unchanged", step, total);
            row(in, path + ", warm, unchanged, right after the changed pass (its scoring still runs)", seconds(busy));
            row(in, path + ": waited for the service to settle", settle());
            double settled = timed(phase + "-unchanged-settled", step, total);
            row(in, path + ", warm, unchanged, service settled", seconds(settled));
        }

        /**
         * Waits until the service and PostgreSQL have each used less than a tenth of a core for a whole second
         * (background scoring and its writes done) and autovacuum is idle, at most 120 s; answers how long that took.
         */
        String settle() throws Exception {
            long t0 = System.nanoTime();
            double[] before = service.cpuSeconds();
            for (int i = 0; i < 120; i++) {
                Thread.sleep(1000);
                double[] now = service.cpuSeconds();
                if (now[0] - before[0] < 0.1 && now[1] - before[1] < 0.1) {
                    break;
                }
                before = now;
            }
            service.awaitQuiet();
            return seconds((System.nanoTime() - t0) / 1e9);
        }

        /** Waits until every capability (every System and API) is scored; prints how long after the ingestion. */
        void scoring(BenchInput in, String path) throws Exception {
            long t0 = System.nanoTime();
            String expected = "\"totalItems\":" + in.capabilities();
            for (int i = 0; i < 2400 && !get("/api/scorecards/capabilities?limit=1").contains(expected); i++) {
                Thread.sleep(250);
            }
            row(in, path + ": every capability scored, after the response", seconds((System.nanoTime() - t0) / 1e9));
        }

        LoadGenerator.Result load(String name, int connections, double warm, double secs, int paths,
                java.util.function.IntFunction<String> path) throws Exception {
            jfr(name, true);
            LoadGenerator.Result r = LoadGenerator.run(service.port, connections, warm, secs, paths, path);
            jfr(name, false);
            return r;
        }

        void jfr(String name, boolean start) throws Exception {
            if (!jfr) {
                return;
            }
            List<String> cmd = start
                    ? List.of("jcmd", String.valueOf(service.process.pid()), "JFR.start", "name=" + name,
                            "settings=profile")
                    : List.of("jcmd", String.valueOf(service.process.pid()), "JFR.stop", "name=" + name,
                            "filename=" + dir.resolve(in.generator() + "-" + name + ".jfr"));
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor();
        }

        String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(service.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        void post(String path, String type, String body, int expected) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.base() + path))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
        }

        void postFile(String path, Path file) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.base() + path))
                    .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(500, r.body().length())));
            }
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
