package dev.scorecards.campaigns;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.scoring.query.CapabilityQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A campaign's burn-up, replayed from the results' history: how many of the selected capabilities
 * existed and met the target at each change, and at the start of every day from the campaign's start.
 */
@ApplicationScoped
public class CampaignHistory {
    /** At most this many daily points (ten years). */
    private static final int MAX_DAYS = 3660;

    private final CapabilityQueries queries;

    @Inject
    CampaignHistory(CapabilityQueries queries) {
        this.queries = queries;
    }

    public record Point(Instant at, long done, long total, double percentage) {
    }

    /** One history row of one capability, as the replay needs it. */
    private record Row(Instant at, EntityRef ref, boolean present, boolean done) {
    }

    /** The points from {@code start} (midnight UTC) to {@code now}: one per day, one per change, and one now. */
    List<Point> burnUp(TargetRule rule, Collection<EntityRef> refs, LocalDate start, Instant now) {
        List<Row> rows = rows(rule, refs);
        if (start == null) { // from the first recorded result of the selection
            start = rows.isEmpty() ? now.atZone(ZoneOffset.UTC).toLocalDate()
                    : rows.get(0).at().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate earliest = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(MAX_DAYS - 1);
            start = start.isBefore(earliest) ? earliest : start;
        }
        Set<Instant> marks = new TreeSet<>();
        Instant from = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        LocalDate day = start;
        for (int i = 0; i < MAX_DAYS && !day.atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(now); i++) {
            marks.add(day.atStartOfDay().toInstant(ZoneOffset.UTC));
            day = day.plusDays(1);
        }
        rows.stream().map(Row::at).filter(a -> !a.isBefore(from) && !a.isAfter(now)).forEach(marks::add);
        marks.add(now);
        Map<EntityRef, Row> latest = new HashMap<>();
        List<Point> out = new ArrayList<>();
        int next = 0;
        for (Instant mark : marks) {
            while (next < rows.size() && !rows.get(next).at().isAfter(mark)) {
                latest.put(rows.get(next).ref(), rows.get(next));
                next++;
            }
            long total = latest.values().stream().filter(Row::present).count();
            long done = latest.values().stream().filter(r -> r.present() && r.done()).count();
            Point last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean daily = mark.equals(mark.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC));
            if (daily || mark.equals(now) || last == null || last.done() != done || last.total() != total) {
                out.add(new Point(mark, done, total, CampaignProgress.percentage(done, total)));
            }
        }
        return out;
    }

    /** Those of {@code refs} that existed at {@code at} without meeting the target, sorted by their text. */
    List<EntityRef> notDoneAt(TargetRule rule, Collection<EntityRef> refs, Instant at) {
        Map<EntityRef, Row> latest = new HashMap<>();
        for (Row r : rows(rule, refs)) {
            if (!r.at().isAfter(at)) {
                latest.put(r.ref(), r);
            }
        }
        return latest.values().stream().filter(r -> r.present() && !r.done()).map(Row::ref)
                .sorted(Comparator.comparing(EntityRef::toString)).toList();
    }

    /** How many of {@code refs} existed at {@code at} (exclusive) and how many of those met the target: {done, total}. */
    long[] doneAt(TargetRule rule, Collection<EntityRef> refs, Instant at) {
        Map<EntityRef, Row> latest = new HashMap<>();
        for (Row r : rows(rule, refs)) {
            if (r.at().isBefore(at)) {
                latest.put(r.ref(), r);
            }
        }
        return new long[] {latest.values().stream().filter(r -> r.present() && r.done()).count(),
                latest.values().stream().filter(Row::present).count()};
    }

    /** Every history row of these capabilities, oldest first, judged against the target. */
    private List<Row> rows(TargetRule rule, Collection<EntityRef> refs) {
        List<Row> rows = new ArrayList<>();
        for (var e : queries.fullHistories(refs).entrySet()) {
            for (CapabilityQueries.Change h : e.getValue()) {
                rows.add(new Row(h.at(), e.getKey(), !h.removed(), !h.removed() && rule.done(h)));
            }
        }
        rows.sort(Comparator.comparing(Row::at));
        return rows;
    }
}
