package dev.scorecards.facts;

import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Operational efficiency's support load: the pushed facts {@code support.tickets} and
 * {@code support.incidents} (each value the tickets or incidents since the previous push) summed over
 * the trend window, and that sum per consuming team.
 */
@ApplicationScoped
public class SupportLoad {
    public static final String TICKETS = "support.tickets";
    public static final String INCIDENTS = "support.incidents";
    /** The pushed facts the load is summed from. */
    public static final List<String> FACTS = List.of(TICKETS, INCIDENTS);

    private final DataSource dataSource;

    @Inject
    SupportLoad(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per capability, its tickets and incidents observed after {@code since}; absent when none was pushed. */
    public Map<String, Double> totals(Collection<String> refs, Instant since) {
        Map<String, Double> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        Sql.query(dataSource, "select entity_ref, sum((value #>> '{}')::double precision) from facts_value"
                + " where entity_ref = any(?) and name = any(?) and observed_at > ? and jsonb_typeof(value) = 'number'"
                + " group by entity_ref", List.of(refs.toArray(String[]::new), FACTS.toArray(String[]::new),
                        Timestamp.from(since)), rs -> out.put(rs.getString(1), rs.getDouble(2)));
        return out;
    }

    /**
     * The load per consuming team, rounded to four decimals: {@code total} ÷ consuming teams, where a
     * capability nobody consumes carries its whole load (÷ 1); null (not reported) when nothing was pushed.
     */
    public static Double perTeam(Double total, long consumingTeams) {
        if (total == null) {
            return null;
        }
        return Math.round(total / Math.max(1, consumingTeams) * 10_000) / 10_000.0;
    }

    /** Why a pushed value of a support-load fact cannot be taken, or null when it can. */
    public static String problem(String name, com.fasterxml.jackson.databind.JsonNode value) {
        if (FACTS.contains(name) && (!value.isNumber() || value.asDouble() < 0)) {
            return "fact '" + name + "' must be a number of at least 0 (the " + name.substring(name.indexOf('.') + 1)
                    + " since the previous push), got " + value;
        }
        return null;
    }
}
