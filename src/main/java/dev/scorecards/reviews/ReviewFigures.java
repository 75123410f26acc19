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
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The review's figures that live outside scoring's history, replayed to a period's end: satisfaction from
 * every rating ever given (the newest per voter before the end), support load from every pushed value
 * (the newest observed before the end among those received before it).
 */
@ApplicationScoped
public class ReviewFigures {
    static final String TICKETS = "support.tickets";
    static final String INCIDENTS = "support.incidents";

    @Inject
    DataSource dataSource;

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

    /** Tickets and incidents per capability (those with either fact), and per consuming team at the end. */
    SupportLoad support(Map<String, Snapshot> scope, Period period) {
        Timestamp end = Timestamp.from(period.end());
        Map<String, Double[]> values = new TreeMap<>();
        Sql.query(dataSource, """
                select distinct on (entity_ref, name) entity_ref, name, value::text from facts_value
                where name in (?, ?) and observed_at < ? and received_at < ? and entity_ref = any(?)
                order by entity_ref, name, observed_at desc, id desc
                """, List.of(TICKETS, INCIDENTS, end, end, scope.keySet().toArray(String[]::new)), rs -> {
                    Double v = number(rs.getString(3));
                    if (v != null) {
                        values.computeIfAbsent(rs.getString(1), k -> new Double[2])[TICKETS.equals(rs.getString(2))
                                ? 0 : 1] = v;
                    }
                });
        List<SupportItem> items = new ArrayList<>();
        double tickets = 0;
        double incidents = 0;
        for (var e : values.entrySet()) {
            Double t = e.getValue()[0];
            Double i = e.getValue()[1];
            tickets += t == null ? 0 : t;
            incidents += i == null ? 0 : i;
            int teams = scope.get(e.getKey()).consumingTeams().size();
            double load = (t == null ? 0 : t) + (i == null ? 0 : i);
            items.add(new SupportItem(e.getKey(), t, i, teams, teams == 0 ? null : round(load / teams, 100)));
        }
        return new SupportLoad(round(tickets, 100), round(incidents, 100), items);
    }

    private static Double number(String json) {
        try {
            return Double.valueOf(json.trim());
        } catch (NumberFormatException e) {
            return null; // a fact of another type under the same name counts as not reported
        }
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
