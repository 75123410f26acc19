package dev.scorecards.reviews;

import dev.scorecards.db.Sql;
import dev.scorecards.reviews.Review.LowRating;
import dev.scorecards.reviews.Review.Satisfaction;
import dev.scorecards.reviews.Review.SupportItem;
import dev.scorecards.reviews.Review.SupportLoad;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The review's figures that live outside scoring's history, replayed to a period's end: satisfaction from
 * every rating ever given (the newest per voter before the end); and the support load, read from the
 * snapshots of the stored facts.
 */
@ApplicationScoped
public class ReviewFigures {
    private final DataSource dataSource;

    @Inject
    ReviewFigures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Ratings current at {@code period}'s end for these capabilities, and the low ones given within it. */
    Satisfaction satisfaction(Collection<String> refs, Period period) {
        String[] scope = refs.toArray(String[]::new);
        Timestamp end = Timestamp.from(period.end());
        Object[] figures = new Object[3];
        Sql.query(dataSource, """
                select count(*), 100.0 * count(*) filter (where score >= 4) / nullif(count(*), 0), avg(score) from (
                    select distinct on (entity_ref, voter) score from facts_feedback
                    where at < ? and entity_ref = any(?) order by entity_ref, voter, at desc, id desc) r
                """, List.of(end, scope), rs -> {
                    figures[0] = rs.getLong(1);
                    figures[1] = rs.getObject(2) == null ? null : round(rs.getDouble(2), 10);
                    figures[2] = rs.getObject(3) == null ? null : round(rs.getDouble(3), 100);
                });
        List<LowRating> low = new ArrayList<>();
        Sql.query(dataSource, "select entity_ref, score, comment, at from facts_feedback where at >= ? and at < ?"
                + " and score <= 2 and comment is not null and entity_ref = any(?) order by at, id",
                List.of(Timestamp.from(period.begin()), end, scope), rs -> low.add(new LowRating(rs.getString(1),
                        rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant().toString())));
        return new Satisfaction((Long) figures[0], (Double) figures[1], (Double) figures[2], low);
    }

    /**
     * The support load of the capabilities in scope as their stored facts held it at the end (the snapshots),
     * those that reported it; the fact itself is summed over the trend window when scoring stores it.
     */
    static SupportLoad support(Map<String, Snapshot> scope) {
        List<SupportItem> items = new ArrayList<>();
        double total = 0;
        for (Snapshot s : scope.values()) {
            if (s.supportLoad() != null) {
                total += s.supportLoad();
                items.add(new SupportItem(s.ref(), s.supportLoad(), s.consumingTeams().size(), s.supportLoadPerTeam()));
            }
        }
        return new SupportLoad(round(total, 100), items);
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        double v = sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
        return round(v, 10_000);
    }

    static double round(double d, int scale) {
        return Math.round(d * scale) / (double) scale;
    }
}
