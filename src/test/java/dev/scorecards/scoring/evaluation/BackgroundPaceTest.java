package dev.scorecards.scoring.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pause after a background chunk: the time reads were served meanwhile, at most the configured share. */
class BackgroundPaceTest {
    @Test
    void nobodyReadingMeansNoPause() {
        assertEquals(0, BackgroundPace.pause(400_000_000L, 0, 0.5));
    }

    @Test
    void readsGetBackTheTimeTheyTook() {
        assertEquals(30_000_000L, BackgroundPace.pause(400_000_000L, 30_000_000L, 0.5));
    }

    @Test
    void busyReadsGetAtMostTheShareOfTheChunk() {
        assertEquals(200_000_000L, BackgroundPace.pause(400_000_000L, 3_000_000_000L, 0.5));
        assertEquals(400_000_000L, BackgroundPace.pause(400_000_000L, 3_000_000_000L, 1.0));
        assertEquals(0, BackgroundPace.pause(400_000_000L, 3_000_000_000L, 0));
    }
}
