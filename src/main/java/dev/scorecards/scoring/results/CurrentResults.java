package dev.scorecards.scoring.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The stored check states and fact values of many capabilities at once, for answers that read
 * results instead of evaluating (the Tech Insights API, campaigns), read into records here, once.
 */
@ApplicationScoped
public class CurrentResults {
    /** Reads the stored scorecards and facts; a key an older version stored and this one no longer has is skipped. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<ScorecardResult>> CARDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

    private final DataSource dataSource;

    @Inject
    CurrentResults(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One capability's current result: each check's stored result (id, state, reason; without the
     * definitions' texts) by check id, every scorecard's stored result by scorecard id, the fact values
     * the checks saw (in stored order; a JSON null as null), the consumer count and when it was last evaluated.
     */
    public record Current(EntityRef ref, Map<String, CheckResult> checks, Map<String, ScorecardResult> scorecards,
            Map<String, Object> facts, long consumers, Instant evaluatedAt) {

        /** Each check's state by check id. */
        public Map<String, CheckState> states() {
            Map<String, CheckState> out = new HashMap<>();
            checks.forEach((id, c) -> out.put(id, c.state()));
            return out;
        }
    }

    /** The current results of those of these refs that are capabilities, by ref. */
    public Map<EntityRef, Current> of(Collection<EntityRef> refs) {
        Map<EntityRef, Current> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        Sql.query(dataSource, """
                select c.entity_ref, (d.result->'scorecards')::text, (d.result->'facts')::text, c.consumer_count,
                       coalesce(v.at, c.changed_at)
                from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref
                left join scoring_evaluated v on v.entity_ref = c.entity_ref
                where c.entity_ref = any(?) and c.removed_at is null
                """, List.of((Object) refs.stream().map(EntityRef::toString).toArray(String[]::new)), rs -> {
                    Map<String, CheckResult> checks = new HashMap<>();
                    Map<String, ScorecardResult> cards = new HashMap<>();
                    for (ScorecardResult card : read(rs.getString(2), CARDS)) {
                        cards.put(card.id(), card);
                        card.checks().forEach(c -> checks.put(c.id(), c));
                    }
                    EntityRef ref = EntityRef.parse(rs.getString(1));
                    out.put(ref, new Current(ref, checks, cards, read(rs.getString(3), FACTS), rs.getLong(4),
                            rs.getTimestamp(5).toInstant()));
                });
        return out;
    }

    /** Every capability with a current result, sorted by ref. */
    public List<EntityRef> refs() {
        List<EntityRef> out = new ArrayList<>();
        Sql.query(dataSource, "select entity_ref from scoring_capability where removed_at is null order by entity_ref",
                List.of(), rs -> out.add(EntityRef.parse(rs.getString(1))));
        return out;
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }
}
