package dev.scorecards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stops the embedded PostgreSQL that a killed service (kill -9, OOM) left running on its data folder:
 * {@code postmaster.pid} names a live {@code postgres} process serving exactly this folder. Without
 * this, the orphan holds the folder and the next start fails.
 */
final class StalePostmaster {
    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfOrphaned(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return;
        }
        if (lines.size() < 2) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !ours(process.get(), lines.get(1).trim(), dataDir)) {
            return;
        }
        LOG.warnf("Stopping the embedded PostgreSQL (pid %d) that a previous run left on %s", pid, dataDir);
        ProcessHandle postgres = process.get();
        postgres.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old service
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (postgres.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (postgres.isAlive()) {
            postgres.destroyForcibly();
        }
    }

    /** A postgres process whose pid file names this very folder (pids are reused). */
    private static boolean ours(ProcessHandle process, String pidFileDir, Path dataDir) {
        String command = process.info().command().orElse("");
        boolean postgres = command.endsWith("/postgres") || command.endsWith("postgres.exe") || command.isEmpty();
        try {
            return postgres && Path.of(pidFileDir).toRealPath().equals(dataDir.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
