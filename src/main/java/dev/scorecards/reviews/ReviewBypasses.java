package dev.scorecards.reviews;

import dev.scorecards.db.Sql;
import dev.scorecards.facts.BypassReasons;
import dev.scorecards.reviews.Review.BypassAnswer;
import dev.scorecards.reviews.Review.BypassItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The bypasses at a period's end with the reasons the bypassing teams had given by then: each team's
 * newest answer before the end (answers are kept when replaced), counted by reason in the order of
 * {@code facts/bypass-reasons.yaml}; the bypassing teams that had not answered are listed.
 */
@ApplicationScoped
public class ReviewBypasses {
    private final DataSource dataSource;
    private final BypassReasons reasons;

    @Inject
    ReviewBypasses(DataSource dataSource, BypassReasons reasons) {
        this.dataSource = dataSource;
        this.reasons = reasons;
    }

    Review.Bypasses of(Map<String, Snapshot> scope, Period period) {
        Map<String, Map<String, BypassAnswer>> given = new HashMap<>();
        List<String> bypassed = scope.values().stream().filter(s -> s.bypassCount() > 0).map(Snapshot::ref).toList();
        Sql.query(dataSource, """
                select distinct on (entity_ref, team_ref) entity_ref, team_ref, reason, comment, instead, at
                from facts_bypass_reason where at < ? and entity_ref = any(?)
                order by entity_ref, team_ref, at desc, id desc
                """, List.of(Timestamp.from(period.end()), bypassed.toArray(String[]::new)),
                rs -> given.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        new BypassAnswer(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant().toString())));
        List<BypassItem> items = new ArrayList<>();
        long count = 0;
        for (String ref : bypassed) {
            Snapshot s = scope.get(ref);
            count += s.bypassCount();
            Map<String, BypassAnswer> answers = given.getOrDefault(ref, Map.of());
            List<BypassAnswer> answered = new ArrayList<>();
            List<String> open = new ArrayList<>();
            for (String team : s.bypassingTeams()) {
                if (answers.containsKey(team)) {
                    answered.add(answers.get(team));
                } else {
                    open.add(team);
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (BypassReasons.Reason r : reasons.reasons()) {
                long n = answered.stream().filter(a -> a.reason().equals(r.id())).count();
                if (n > 0) {
                    counts.put(r.id(), n);
                }
            }
            answered.stream().filter(a -> !counts.containsKey(a.reason())) // a reason the file no longer lists
                    .forEach(a -> counts.merge(a.reason(), 1L, Long::sum));
            items.add(new BypassItem(ref, s.bypassCount(), s.bypassingTeams(), counts, answered, open));
        }
        return new Review.Bypasses(count, items.size(), items);
    }
}
