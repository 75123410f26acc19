package dev.scorecards.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Chunks stored at most two at a time; every count added; a failed chunk fails the evaluation, not the writer. */
class ChunkWriterTest {
    @Test
    void atMostTwoChunksAreStoredAtOnceAndEveryCountIsAdded() {
        ChunkWriter writer = new ChunkWriter(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch firstTwo = new CountDownLatch(2);
        try {
            for (int i = 1; i <= 5; i++) {
                int count = i;
                writer.store(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    firstTwo.countDown();
                    firstTwo.await(10, TimeUnit.SECONDS); // the first two wait for each other: both in flight
                    running.decrementAndGet();
                    return count;
                });
            }
            assertEquals(15, writer.finish());
            assertEquals(2, most.get());
            assertEquals(0, writer.finish());
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void aFailedChunkFailsTheEvaluationAndDiscardForgetsWhatIsLeft() {
        ChunkWriter writer = new ChunkWriter(2);
        try {
            writer.store(() -> 3);
            writer.store(() -> {
                throw new IllegalStateException("store failed");
            });
            writer.store(() -> 4); // waits for the first chunk only
            IllegalStateException e = assertThrows(IllegalStateException.class, writer::finish);
            assertEquals("store failed", e.getMessage());
            writer.discard(); // the chunk after the failed one is waited for, its count forgotten
            assertEquals(0, writer.finish());
            writer.store(() -> 5); // the next evaluation stores as before
            assertEquals(5, writer.finish());
        } finally {
            writer.shutdownNow();
        }
    }
}
