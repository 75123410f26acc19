package dev.scorecards.scoring.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The stored check states and fact values of many capabilities at once, for answers that read
 * results instead of evaluating (the Tech Insights API).
 */
@ApplicationScoped
public class CurrentResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    @Inject
    CurrentResults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One capability's current result: each check's state and reason by check id, every scorecard's
     * level and percentage by scorecard id, the fact values the checks saw, and when it was last evaluated.
     */
    public record Current(String ref, Map<String, JsonNode> checks, Map<String, JsonNode> scorecards, JsonNode facts,
            long consumers, Instant evaluatedAt) {
    }

    /** The current results of those of these refs that are capabilities, by ref. */
    public Map<String, Current> of(Collection<String> refs) {
        Map<String, Current> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        Sql.query(dataSource, """
                select c.entity_ref, (d.result->'scorecards')::text, (d.result->'facts')::text, c.consumer_count,
                       coalesce(v.at, c.changed_at)
                from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref
                left join scoring_evaluated v on v.entity_ref = c.entity_ref
                where c.entity_ref = any(?) and c.removed_at is null
                """, List.of((Object) refs.toArray(String[]::new)), rs -> {
                    try {
                        Map<String, JsonNode> checks = new HashMap<>();
                        Map<String, JsonNode> cards = new HashMap<>();
                        for (JsonNode card : JSON.readTree(rs.getString(2))) {
                            cards.put(card.path("id").asText(), card);
                            card.path("checks").forEach(c -> checks.put(c.path("id").asText(), c));
                        }
                        Timestamp at = rs.getTimestamp(5);
                        out.put(rs.getString(1), new Current(rs.getString(1), checks, cards,
                                JSON.readTree(rs.getString(3)), rs.getLong(4), at.toInstant()));
                    } catch (java.io.IOException e) {
                        throw new SQLException(e);
                    }
                });
        return out;
    }

    /** Every capability with a current result, sorted by ref. */
    public List<String> refs() {
        List<String> out = new ArrayList<>();
        Sql.query(dataSource, "select entity_ref from scoring_capability where removed_at is null order by entity_ref",
                List.of(), rs -> out.add(rs.getString(1)));
        return out;
    }
}
