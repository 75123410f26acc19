package dev.scorecards.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trend drawn as the {@code points} of an SVG polyline in a {@code width} × {@code height} box: a
 * step line where each value holds from its time until the next change, and the last one until the end
 * of the window. {@code points} is empty when there is nothing to draw; ({@code endX}, {@code endY}) is
 * where the line ends.
 */
public record Sparkline(int width, int height, String points, double endX, double endY) {
    /** Inset from the top and bottom edges, so that a stroke on the lowest or highest value is not clipped. */
    static final double PAD = 2.0;

    /** A value observed at a time. */
    public record Point(Instant at, double value) {
    }

    /**
     * The step line through {@code points} (oldest first) from the first point's time (x = 0) to
     * {@code end} (x = width), values from {@code min} (bottom) to {@code max} (top), clamped to that
     * range. Consecutive equal values are one step. An end before the last point ends the line there.
     */
    public static Sparkline of(List<Point> points, Instant end, double min, double max, int width, int height) {
        if (points.isEmpty()) {
            return new Sparkline(width, height, "", 0, 0);
        }
        Instant start = points.get(0).at();
        Instant last = points.get(points.size() - 1).at();
        Instant stop = end == null || end.isBefore(last) ? last : end;
        double span = Duration.between(start, stop).toMillis();
        List<double[]> xy = new ArrayList<>();
        double previous = Double.NaN;
        for (Point p : points) {
            if (p.value() == previous) {
                continue;
            }
            double x = span <= 0 ? 0 : Duration.between(start, p.at()).toMillis() / span * width;
            double y = y(p.value(), min, max, height);
            if (!xy.isEmpty()) {
                xy.add(new double[] {x, xy.get(xy.size() - 1)[1]});
            }
            xy.add(new double[] {x, y});
            previous = p.value();
        }
        xy.add(new double[] {width, xy.get(xy.size() - 1)[1]});
        StringBuilder out = new StringBuilder();
        for (double[] p : xy) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(format(p[0])).append(',').append(format(p[1]));
        }
        double[] tail = xy.get(xy.size() - 1);
        return new Sparkline(width, height, out.toString(), round(tail[0]), round(tail[1]));
    }

    private static double y(double value, double min, double max, int height) {
        if (max <= min) {
            return height / 2.0;
        }
        double v = Math.max(min, Math.min(max, value));
        return PAD + (max - v) / (max - min) * (height - 2 * PAD);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
