package dev.scorecards.ingest.backstage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary files of pulls that were killed (kill -9) are deleted at the next start. */
class PulledEntitiesTest {
    @TempDir
    Path tmp;

    @Test
    void filesOfThisPidAndOfGoneProcessesAreDeletedThoseOfLiveOnesKept() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long self = ProcessHandle.current().pid();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        for (String name : List.of(
                "scorecards-backstage-" + self + "-acme-1.jsonl", // a restarted container runs as the same pid
                "scorecards-backstage-" + gone.pid() + "-acme-2.jsonl",
                "scorecards-backstage-acme-3.jsonl", // named before the pid was part of the name
                "scorecards-backstage-" + live + "-acme-4.jsonl", // another process on this machine, pulling
                "scorecards-backstage-" + self + "-acme-5.txt",
                "other-" + self + ".jsonl")) {
            Files.writeString(tmp.resolve(name), "1\t{}\n");
        }
        assertEquals(3, PulledEntities.deleteLeftovers(tmp));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("other-" + self + ".jsonl", "scorecards-backstage-" + live + "-acme-4.jsonl",
                    "scorecards-backstage-" + self + "-acme-5.txt"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
