package dev.scorecards.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.CatalogBenchmark;
import dev.scorecards.bench.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started as README starts it, without JVM flags: its heap is the 384 MiB k8s/
 * gives it (in a second JVM the first one starts), not a quarter of the machine's memory; a heap flag or
 * {@code SCORECARDS_JVM_RELAUNCH=false} keeps one JVM; and no way of ending the first JVM leaves the
 * second one running. The heap is the JVM's own answer ({@code jcmd <pid> VM.flags}).
 */
class DefaultHeapIT {
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    @Test
    void withoutFlagsTheServiceRunsWith384MiBAndNeverOutlivesTheJvmThatStartedIt() throws Exception {
        Path dir = Path.of("target/faults").toAbsolutePath().resolve("default-heap");
        CatalogBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(dir.resolve("postgres"), true)) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            ProcessHandle child;
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("plain.log"), jdbc, List.of(),
                    Map.of())) {
                ProcessHandle service = s.process.toHandle().children().findFirst().orElse(s.process.toHandle());
                String flags = vmFlags(service.pid());
                assertEquals(384L << 20, maxHeap(flags), flags);
                assertTrue(flags.contains("-XX:+UseParallelGC"), flags);
                assertTrue(flags.contains("-XX:TrimNativeHeapInterval=2000"), flags); // this JDK (17.0.9+) can
                child = onlyJavaChild(s.process.toHandle());
                assertTrue(log(dir.resolve("plain.log")).contains("Maximum heap 384 MiB: started without a heap limit,"
                        + " the service runs in a second JVM with the settings k8s/ gives it (pid " + child.pid()
                        + ", started by pid " + s.process.pid() + "). To choose another heap, start java with -Xmx"
                        + " (e.g. -Xmx1g); SCORECARDS_JVM_RELAUNCH=false keeps the JVM's own default."));
                s.process.destroyForcibly(); // kill -9 of the JVM that was started, not of the service's
                s.process.waitFor();
                Awaitility.await("the second JVM ends with the first").atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(100)).until(() -> !child.isAlive());
            }
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("stopped.log"), jdbc, List.of(),
                    Map.of())) {
                ProcessHandle second = onlyJavaChild(s.process.toHandle());
                s.process.destroy(); // SIGTERM: the first JVM stops the second and waits for it
                assertEquals(143, s.process.waitFor());
                assertFalse(second.isAlive());
            }
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("xmx.log"), jdbc, List.of("-Xmx512m"),
                    Map.of())) {
                assertEquals(0, s.process.toHandle().children().count());
                assertEquals(512L << 20, maxHeap(vmFlags(s.process.pid())));
            }
            try (ServiceProcess s = ServiceProcess.launchOnFreePort(dir.resolve("off.log"), jdbc, List.of(),
                    Map.of("SCORECARDS_JVM_RELAUNCH", "false"))) {
                assertEquals(0, s.process.toHandle().children().count());
                assertFalse(log(dir.resolve("off.log")).contains("Maximum heap"));
            }
        }
    }

    private static ProcessHandle onlyJavaChild(ProcessHandle parent) {
        List<ProcessHandle> children = parent.children().toList();
        assertEquals(1, children.size(), "children: " + children);
        ProcessHandle child = children.get(0);
        assertTrue(child.info().command().orElse("").endsWith("/java"), child.info().toString());
        return child;
    }

    /** What {@code jcmd <pid> VM.flags} prints: the flags the JVM runs with, as it set them. */
    private static String vmFlags(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "VM.flags").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jcmd.waitFor(), out);
        return out;
    }

    private static long maxHeap(String vmFlags) {
        Matcher m = MAX_HEAP.matcher(vmFlags);
        assertTrue(m.find(), vmFlags);
        return Long.parseLong(m.group(1));
    }

    private static String log(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
