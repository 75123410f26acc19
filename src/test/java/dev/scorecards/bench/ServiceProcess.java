package dev.scorecards.bench;

import dev.scorecards.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as its own process: on
 * its own fresh embedded PostgreSQL (benchmarks, so that its resident memory can be read from /proc),
 * or against a database the caller owns (the fault tests, which stop databases and kill services).
 */
public final class ServiceProcess implements AutoCloseable {
    public final int port;
    public final Process process;
    private final EmbeddedPostgres postgres; // null when the database belongs to the caller

    private ServiceProcess(int port, Process process, EmbeddedPostgres postgres) {
        this.port = port;
        this.process = process;
        this.postgres = postgres;
    }

    public static ServiceProcess start(Path work, int port, List<String> jvmArgs, Map<String, String> env)
            throws IOException, InterruptedException {
        Path pgDir = work.resolve("postgres");
        Files.createDirectories(pgDir);
        EmbeddedPostgres pg = EmbeddedDatabase.start(pgDir, true);
        ServiceProcess s = launch(work.resolve("service.log"), port, pg, pg.getJdbcUrl("postgres", "postgres"),
                jvmArgs, env);
        s.awaitReady(Duration.ofSeconds(120));
        return s;
    }

    /**
     * Starts the service against {@code jdbcUrl} (user and password {@code postgres}), which the
     * caller owns, and returns once it is ready; its output is appended to {@code log}.
     */
    public static ServiceProcess launch(Path log, int port, String jdbcUrl, List<String> jvmArgs,
            Map<String, String> env) throws IOException, InterruptedException {
        ServiceProcess s = launch(log, port, null, jdbcUrl, jvmArgs, env);
        try {
            s.awaitReady(Duration.ofSeconds(120));
        } catch (RuntimeException | InterruptedException e) {
            s.kill();
            throw e;
        }
        return s;
    }

    /**
     * As {@link #launch(Path, int, String, List, Map)} on a port nobody listens on. Between choosing
     * that port and the service binding it another process may take it: then the service exits
     * saying so, and it is started again on another port (up to three times).
     */
    public static ServiceProcess launchOnFreePort(Path log, String jdbcUrl, List<String> jvmArgs,
            Map<String, String> env) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            long logged = Files.exists(log) ? Files.size(log) : 0;
            try {
                return launch(log, freePort(), jdbcUrl, jvmArgs, env);
            } catch (IllegalStateException e) {
                if (attempt == 3 || !portTaken(log, logged)) {
                    throw e;
                }
            }
        }
    }

    /** Whether the service's output after {@code offset} says its HTTP port was taken. */
    private static boolean portTaken(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String since = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
        return since.contains("Address already in use") || since.contains("seems to be in use");
    }

    private static ServiceProcess launch(Path log, int port, EmbeddedPostgres owned, String jdbcUrl,
            List<String> jvmArgs, Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(Path.of(System.getProperty("bench.app", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("SCORECARDS_EXAMPLES_LOAD", "false");
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as k8s/ runs it: fewer glibc arenas, less RSS
        pb.environment().putAll(env);
        return new ServiceProcess(port, pb.start(), owned);
    }

    /** A TCP port nobody listens on now. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become ready");
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** One size of a benchmark: its entity count, a fresh work folder and the service JVM's flags. */
    interface SizedRun {
        void run(int n, Path dir, List<String> jvm) throws Exception;
    }

    /**
     * Runs a benchmark for every size of {@code -Dbench.sizes} (else {@code defaultSizes}), each in a
     * fresh {@code target/bench/<name>-<n>}, with {@code -Dbench.jvm} (else {@code defaultJvm}) as
     * the service JVM's flags.
     */
    static void forEachSize(String name, String defaultSizes, String defaultJvm, SizedRun body) throws Exception {
        String flags = System.getProperty("bench.jvm", "");
        List<String> jvm = List.of((flags.isBlank() ? defaultJvm : flags).trim().split(" +"));
        System.out.printf("%s benchmark on %d cores, service JVM flags %s%n", name,
                Runtime.getRuntime().availableProcessors(), jvm);
        String sizes = System.getProperty("bench.sizes", "");
        for (String size : (sizes.isBlank() ? defaultSizes : sizes).split(",")) {
            int n = Integer.parseInt(size.trim());
            Path dir = Path.of("target/bench").toAbsolutePath().resolve(name + "-" + n);
            CatalogBenchmark.deleteTree(dir);
            Files.createDirectories(dir);
            body.run(n, dir, jvm);
        }
    }

    /**
     * A fresh service (in {@code dir}) holding a synthetic catalog of {@code n} entities, pushed in one
     * request and scored before this returns.
     */
    static ServiceProcess withScoredCatalog(SyntheticCatalog catalog, Path dir, int port, List<String> jvm)
            throws Exception {
        Path file = catalog.write(dir.resolve("catalog.yaml"));
        ServiceProcess service = start(dir, port, jvm,
                Map.of("SCORECARDS_INGEST_MAX_BODY_BYTES", String.valueOf(Files.size(file) + 1)));
        HttpClient http = HttpClient.newHttpClient();
        send(http, HttpRequest.newBuilder(URI.create(service.base() + "/api/catalog/ingest?source=bench&mode=full"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        // the ingestion's own (background) evaluation finishes before anything is measured
        send(http, HttpRequest.newBuilder(URI.create(service.base() + "/api/scorecards/evaluate"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        return service;
    }

    /** Sends a request that must answer 200; returns the body. */
    static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * The service's JVMs: the one started and, when it was started without a heap limit, the one it
     * started to run the service in (dev.scorecards.HeapDefault). The database is never among them.
     */
    private List<ProcessHandle> jvms() {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().children().toList());
        all.add(0, process.toHandle());
        return all;
    }

    /** Resident set size now and at its peak (VmRSS, VmHWM), in MiB, of the service's JVMs together. */
    public long[] rssMiB() throws IOException {
        long rss = 0;
        long hwm = 0;
        for (ProcessHandle jvm : jvms()) {
            for (String line : Files.readAllLines(Path.of("/proc/" + jvm.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss += Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    hwm += Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        return new long[] {rss, hwm};
    }

    /** Waits (up to two minutes) until PostgreSQL's autovacuum has finished the work a big ingestion leaves. */
    public void awaitQuiet() throws Exception {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            for (int i = 0; i < 240; i++) {
                try (var rs = s.executeQuery("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** CPU seconds used so far by the service process and by every PostgreSQL process. */
    public double[] cpuSeconds() throws IOException {
        double service = 0;
        for (ProcessHandle jvm : jvms()) {
            service += cpuOf(jvm.pid());
        }
        double postgres = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline"));
                    if (cmd.startsWith("postgres") || cmd.contains("/bin/postgres")) {
                        postgres += cpuOf(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        }
        return new double[] {service, postgres};
    }

    private static double cpuOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** Kills the service at once ({@code kill -9}, every JVM of it): no shutdown hook, no transaction finished. */
    public void kill() throws InterruptedException {
        jvms().forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
