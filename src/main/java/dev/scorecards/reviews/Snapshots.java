package dev.scorecards.reviews;

import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The capabilities as stored just before an instant, replayed from the history tables: present when
 * scoring's latest history row before it is not a removal; level and consumers from that row, the rest
 * from this stage's latest snapshot before it. A capability whose history predates the snapshots (none
 * before it) takes its title and owner from its current row, the only figures not replayed.
 */
@ApplicationScoped
public class Snapshots {
    private final DataSource dataSource;

    @Inject
    Snapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every capability present just before {@code at}, by ref (sorted). */
    public Map<String, Snapshot> at(Instant at) {
        Timestamp t = Timestamp.from(at);
        Map<String, Snapshot> details = new HashMap<>();
        Sql.query(dataSource, """
                select distinct on (entity_ref) entity_ref, title, owner_ref, level, level_index, consumer_count,
                    adoption_rate, consuming_teams, bypass_count, bypassing_teams, days_to_first_adopter, next_steps,
                    support_load, support_load_per_team
                from review_snapshot where at < ? order by entity_ref, at desc, id desc
                """, List.of(t), rs -> {
                    details.put(rs.getString(1), new Snapshot(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getDouble(7), strings(rs.getArray(8)),
                            rs.getInt(9), strings(rs.getArray(10)), number(rs, 11), strings(rs.getArray(12)),
                            number(rs, 13), number(rs, 14)));
                });
        Map<String, Snapshot> out = new TreeMap<>();
        Sql.query(dataSource, """
                select h.entity_ref, h.level, h.level_index, h.consumer_count, c.title, c.owner_ref from (
                    select distinct on (entity_ref) entity_ref, level, level_index, consumer_count, removed
                    from scoring_history where at < ? order by entity_ref, at desc, id desc) h
                left join scoring_capability c on c.entity_ref = h.entity_ref
                where not h.removed
                """, List.of(t), rs -> {
                    String ref = rs.getString(1);
                    Snapshot s = details.get(ref);
                    out.put(ref, s == null
                            ? new Snapshot(ref, rs.getString(5), rs.getString(6), rs.getString(2), rs.getInt(3),
                                    rs.getInt(4), 0.0, List.of(), 0, List.of(), null, List.of(), null, null)
                            : new Snapshot(ref, s.title(), s.owner(), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                    s.adoptionRate(), s.consumingTeams(), s.bypassCount(), s.bypassingTeams(),
                                    s.daysToFirstAdopter(), s.blocking(), s.supportLoad(), s.supportLoadPerTeam()));
                });
        return out;
    }

    /** Whether any capability was ever recorded as owned by this team. */
    public boolean everOwnedBy(String team) {
        boolean[] found = new boolean[1];
        Sql.query(dataSource, "select 1 from review_snapshot where owner_ref = ? limit 1", List.of(team),
                rs -> found[0] = true);
        return found[0];
    }

    private static Double number(java.sql.ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
