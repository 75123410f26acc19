package dev.scorecards.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sparkline is a pure function from points to a polyline; these are its exact outputs. */
class SparklineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Sparkline.Point p(int day, double value) {
        return new Sparkline.Point(T0.plusSeconds(day * 86_400L), value);
    }

    @Test
    void stepsHoldEachValueUntilTheNextChange() {
        // 10 days, values 0 → 2 on day 5 → 1 on day 7; scale 0..2 in a 100 × 24 box (2 px inset)
        Sparkline s = Sparkline.of(List.of(p(0, 0), p(5, 2), p(7, 1)), T0.plusSeconds(10 * 86_400L), 0, 2, 100, 24);
        assertEquals("0.0,22.0 50.0,22.0 50.0,2.0 70.0,2.0 70.0,12.0 100.0,12.0", s.points());
        assertEquals(100.0, s.endX());
        assertEquals(12.0, s.endY());
        assertEquals(100, s.width());
        assertEquals(24, s.height());
    }

    @Test
    void equalConsecutiveValuesAreOneStep() {
        Sparkline s = Sparkline.of(List.of(p(0, 1), p(2, 1), p(4, 1), p(6, 0)), T0.plusSeconds(8 * 86_400L), 0, 1,
                80, 24);
        assertEquals("0.0,2.0 60.0,2.0 60.0,22.0 80.0,22.0", s.points());
    }

    @Test
    void aSinglePointIsAFlatLine() {
        assertEquals("0.0,12.0 120.0,12.0", Sparkline.of(List.of(p(0, 2)), T0.plusSeconds(3600), -1, 5, 120, 24)
                .points());
        // no time between the point and the end: still a flat line across the box
        assertEquals("0.0,12.0 120.0,12.0", Sparkline.of(List.of(p(0, 2)), T0, -1, 5, 120, 24).points());
    }

    @Test
    void nothingToDrawIsEmpty() {
        assertEquals("", Sparkline.of(List.of(), T0, 0, 1, 120, 24).points());
    }

    @Test
    void valuesOutsideTheScaleAreClampedAndAFlatScaleIsCentred() {
        assertEquals("0.0,22.0 50.0,22.0 50.0,2.0 100.0,2.0",
                Sparkline.of(List.of(p(0, -7), p(1, 9)), T0.plusSeconds(2 * 86_400L), 0, 1, 100, 24).points());
        assertEquals("0.0,12.0 100.0,12.0", Sparkline.of(List.of(p(0, 3)), T0.plusSeconds(60), 3, 3, 100, 24).points());
    }

    @Test
    void anEndBeforeTheLastPointEndsTheLineThere() {
        assertEquals("0.0,22.0 100.0,22.0 100.0,2.0 100.0,2.0",
                Sparkline.of(List.of(p(0, 0), p(4, 1)), T0.plusSeconds(86_400L), 0, 1, 100, 24).points());
    }
}
