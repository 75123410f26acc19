package dev.scorecards;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The heap of a service started without JVM flags (README's run command: {@code ./mvnw -DskipTests package &&
 * java -jar target/quarkus-app/quarkus-run.jar}, or {@code quarkus:run}). Such a JVM would take a quarter of the
 * machine's memory as its maximum heap and the service would grow into it, and neither a jar nor
 * {@code quarkus:run} can carry JVM options. So a JVM started without any heap limit runs the same
 * command again as its child, with the JVM settings {@code k8s/} ships ({@link #flags}), and waits for it:
 * it exits with the child's exit code, stopping it (SIGTERM) stops the child, and when it dies, even by
 * {@code kill -9}, the child sees its stdin pipe close and shuts down. {@code SCORECARDS_JVM_RELAUNCH=false}
 * turns this off; any heap flag, a debugger, or the build's AppCDS run never relaunches.
 */
public final class HeapDefault {
    private static final Logger LOG = Logger.getLogger(HeapDefault.class);
    /** The system property that marks the relaunched child. */
    static final String CHILD = "scorecards.jvm.relaunched";
    /** The environment variable that turns relaunching off ({@code false}). */
    static final String SWITCH = "SCORECARDS_JVM_RELAUNCH";
    /** The heap k8s/ gives the service (50 % of its 768 MiB limit). */
    static final long HEAP_MIB = 384;
    /** Options that limit the heap; {@code -XX:MaxRAM} also stands for MaxRAMPercentage and MaxRAMFraction. */
    private static final List<String> LIMITS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM");
    /**
     * C2 inlines less than its defaults (325 bytecodes, 2,500 bytes of compiled code): the service's work comes in
     * bursts (an ingestion, a scoring), much of it while C2 is still compiling, so smaller compilations finish
     * sooner and cost less CPU (docs/decisions.md, "Issue 17, part 10").
     */
    static final List<String> INLINING = List.of("-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000");
    private static final List<String> DEBUGGER = List.of("-agentlib:jdwp", "-Xrunjdwp", "-Xdebug");

    private HeapDefault() {
    }

    /**
     * In a JVM without a heap limit, runs the service in a child JVM and exits with its exit code (never
     * returns); in the child, watches the parent; otherwise returns at once.
     */
    static void relaunchUnlessLimited() {
        if (System.getProperty(CHILD) != null) {
            watchParent();
            LOG.infof("Maximum heap %d MiB: started without a heap limit, the service runs in a second JVM with"
                    + " the settings k8s/ gives it (pid %d, started by pid %s). To choose another heap, start java"
                    + " with -Xmx (e.g. -Xmx1g); SCORECARDS_JVM_RELAUNCH=false keeps the JVM's own default.",
                    maxHeapMiB(), ProcessHandle.current().pid(), System.getProperty(CHILD));
            return;
        }
        // the command line's options and those of JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS
        List<String> input = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (Boolean.getBoolean("quarkus.appcds.generate") || "false".equalsIgnoreCase(System.getenv(SWITCH))
                || any(input, LIMITS)) {
            return;
        }
        if (any(input, DEBUGGER)) { // the child would listen on the same debugger port
            LOG.infof("A debugger agent is on: the service runs in this JVM with its default maximum heap of %d MiB"
                    + " (pass -Xmx384m for the heap k8s/ gives it).", maxHeapMiB());
            return;
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        Optional<String[]> argv = self.arguments();
        if (self.command().isEmpty() || argv.isEmpty()) {
            LOG.warnf("Started without a heap limit, and this system does not tell the JVM's command line: the"
                    + " service runs with the JVM's default maximum heap of %d MiB. Pass -Xmx384m for the heap"
                    + " k8s/ gives it.", maxHeapMiB());
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(self.command().get());
        cmd.addAll(flags(input, List.of(argv.get()), availableMiB()));
        cmd.add("-D" + CHILD + "=" + ProcessHandle.current().pid());
        cmd.addAll(List.of(argv.get())); // as given: its options come after ours, so they win
        Process child;
        try {
            // stdin stays a pipe that only this JVM holds: it closes when this JVM ends, however it ends
            child = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            LOG.warnf("Could not start the service's JVM with a %d MiB heap (%s); it runs in this JVM with the"
                    + " default maximum heap of %d MiB", HEAP_MIB, e.getMessage(), maxHeapMiB());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "scorecards-child-stop"));
        try {
            System.exit(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /**
     * The JVM settings the child gets before the command's own: k8s/'s heap (at most half of the memory
     * this machine or container has), its collector and heap ratios unless a collector was chosen, its
     * inlining limits unless the command sets one, exit on
     * OutOfMemoryError, free native memory trimmed every 2 s where the JVM can, and the start-up archive
     * {@code package} writes next to the jar where it loads: the AOT cache on JDK 25+, else the AppCDS
     * archive if the JVM runs in the jar's folder.
     */
    static List<String> flags(List<String> input, List<String> argv, long availableMiB) {
        List<String> out = new ArrayList<>();
        out.add("-Xmx" + Math.max(64, Math.min(HEAP_MIB, availableMiB / 2)) + "m");
        if (input.stream().noneMatch(a -> a.matches("-XX:[+-]Use\\w*GC"))) {
            out.addAll(List.of("-XX:+UseParallelGC", "-XX:NewRatio=1", "-XX:MinHeapFreeRatio=10",
                    "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4", "-XX:AdaptiveSizePolicyWeight=90"));
        }
        if (!any(input, INLINING.stream().map(o -> o.substring(0, o.indexOf('=') + 1)).toList())) {
            out.addAll(INLINING);
        }
        if (input.stream().noneMatch(a -> a.contains("OutOfMemoryError"))) {
            out.add("-XX:+ExitOnOutOfMemoryError");
        }
        if (trimsNativeHeap(Runtime.version(), System.getProperty("os.name", ""))
                && input.stream().noneMatch(a -> a.startsWith("-XX:TrimNativeHeapInterval"))) {
            out.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=2000"));
        }
        int jar = argv.indexOf("-jar");
        if (jar >= 0 && jar + 1 < argv.size()
                && !any(input, List.of("-XX:SharedArchiveFile", "-Xshare", "-XX:AOTCache"))) {
            Path dir = Path.of(argv.get(jar + 1)).toAbsolutePath().normalize().getParent();
            Path aot = dir.resolve("app.aot"); // JDK 25+: the AOT cache package trains (pom.xml, profile aot-cache)
            Path cds = dir.resolve("app-cds.jsa"); // names the jar relative to its folder: loads only from there
            if (Runtime.version().feature() >= 25 && Files.isRegularFile(aot)) {
                out.add("-XX:AOTCache=" + aot);
            } else if (Files.isRegularFile(cds) && dir.equals(Path.of("").toAbsolutePath())) {
                out.add("-XX:SharedArchiveFile=" + cds);
            }
        }
        return out;
    }

    /**
     * Whether this JVM can hand the native memory glibc keeps back to the OS every few seconds, as k8s/ does
     * ({@code -XX:TrimNativeHeapInterval}: Linux, JDK 17.0.9+, 21.0.1+ or 22+; experimental before 22).
     */
    static boolean trimsNativeHeap(Runtime.Version v, String os) {
        int f = v.feature();
        return os.startsWith("Linux") && (f >= 22 || (f == 21 && v.update() >= 1) || (f == 17 && v.update() >= 9));
    }

    private static boolean any(List<String> input, List<String> prefixes) {
        return input.stream().anyMatch(a -> prefixes.stream().anyMatch(a::startsWith));
    }

    /** Stops the child as SIGTERM stops the service, and waits for it (at most 60 s, then kills it). */
    private static void stop(Process child) {
        child.destroy();
        try {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** In the child: when the parent ends, its end of stdin closes; then the service stops as on SIGTERM. */
    private static void watchParent() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes: only the end counts
                }
            } catch (IOException closed) {
                // ended as well
            }
            LOG.infof("The JVM that started this one (pid %s) ended or is stopping this one: stopping",
                    System.getProperty(CHILD));
            System.exit(143); // what SIGTERM would give
        }, "scorecards-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static long maxHeapMiB() {
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue()) >> 20;
        } catch (RuntimeException | LinkageError notHotSpot) {
            return Runtime.getRuntime().maxMemory() >> 20;
        }
    }

    private static long availableMiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() >> 20; // a container's limit inside a container
        }
        return Long.MAX_VALUE;
    }
}
