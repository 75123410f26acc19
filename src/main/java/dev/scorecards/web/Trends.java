package dev.scorecards.web;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A capability's stored history as sparklines, up to its last evaluation: its level on the ladder
 * (from "none" at the bottom to the top rung) and its consumer count (from 0 to its highest).
 */
@ApplicationScoped
public class Trends {
    static final int WIDTH = 120;
    static final int HEIGHT = 24;

    private final CapabilityQueries queries;
    private final ScorecardDefinitions definitions;

    @Inject
    Trends(CapabilityQueries queries, ScorecardDefinitions definitions) {
        this.queries = queries;
        this.definitions = definitions;
    }

    /** A sparkline and what it shows in words (its text alternative). */
    public record Trend(Sparkline line, String label) {
    }

    /** The history of one capability, oldest first; a removal counts as no level and no consumers. */
    List<CapabilityQueries.Point> history(EntityRef ref) {
        return queries.history(ref, null, null).stream().map(c -> new CapabilityQueries.Point(c.at(),
                c.level(), c.levelIndex(), c.consumers(), c.removed())).toList();
    }

    /** The histories of several capabilities at once (level and consumers only), by ref; one query. */
    Map<String, List<CapabilityQueries.Point>> histories(Collection<String> refs) {
        return queries.histories(refs);
    }

    Trend level(List<CapabilityQueries.Point> history, Instant end) {
        Scorecard ladder = definitions.ladder();
        List<String> levels = ladder == null ? List.of() : ladder.levels();
        List<Sparkline.Point> points = new ArrayList<>();
        for (CapabilityQueries.Point h : history) {
            points.add(new Sparkline.Point(h.at(), h.removed() ? -1 : h.levelIndex()));
        }
        Sparkline line = Sparkline.of(points, end, -1, levels.size() - 1, WIDTH, HEIGHT);
        if (points.isEmpty()) {
            return new Trend(line, "No history yet");
        }
        int first = (int) points.get(0).value();
        int last = (int) points.get(points.size() - 1).value();
        String changes = changes(points);
        return new Trend(line, changes.equals("0 changes")
                ? "Level " + name(levels, last) + " since " + day(points.get(0).at()) + " (no change)"
                : "Level " + name(levels, first) + " → " + name(levels, last) + " since " + day(points.get(0).at())
                        + " (" + changes + ")");
    }

    Trend consumers(List<CapabilityQueries.Point> history, Instant end) {
        List<Sparkline.Point> points = new ArrayList<>();
        int max = 1;
        for (CapabilityQueries.Point h : history) {
            int n = h.removed() ? 0 : h.consumers();
            max = Math.max(max, n);
            points.add(new Sparkline.Point(h.at(), n));
        }
        Sparkline line = Sparkline.of(points, end, 0, max, WIDTH, HEIGHT);
        if (points.isEmpty()) {
            return new Trend(line, "No history yet");
        }
        int first = (int) points.get(0).value();
        int last = (int) points.get(points.size() - 1).value();
        String since = " since " + day(points.get(0).at());
        return new Trend(line, changes(points).equals("0 changes") ? "Consumers " + last + since + " (no change)"
                : "Consumers " + first + " → " + last + since + " (highest " + max + ")");
    }

    private static String name(List<String> levels, int index) {
        return index >= 0 && index < levels.size() ? levels.get(index) : "none";
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }

    private static String changes(List<Sparkline.Point> points) {
        int n = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).value() != points.get(i - 1).value()) {
                n++;
            }
        }
        return n == 1 ? "1 change" : n + " changes";
    }
}
