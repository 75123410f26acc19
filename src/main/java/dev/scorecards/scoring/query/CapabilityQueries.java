package dev.scorecards.scoring.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.db.Sql;
import dev.scorecards.facts.BypassReasons;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.CheckState;
import dev.scorecards.scoring.results.NextStep;
import dev.scorecards.scoring.results.ScorecardResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
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
 * Reads stored results as typed read models: one capability ({@link CapabilityDetail}), its consumers,
 * its history. The stored documents stay JSON in the database and are read into records here, once.
 */
@ApplicationScoped
public class CapabilityQueries {
    /**
     * Reads the stored documents (instants as ISO-8601 text); keys keep their stored order in maps. A key
     * an older version stored and this one no longer has is skipped; the next evaluation rewrites it.
     */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<CapabilityDetail.Consumer>> CONSUMERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, CapabilityList.Score>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, CheckState>> STATES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ScorecardDefinitions definitions;
    private final BypassReasons bypassReasons;

    @Inject
    CapabilityQueries(DataSource dataSource, ScorecardDefinitions definitions, BypassReasons bypassReasons) {
        this.dataSource = dataSource;
        this.definitions = definitions;
        this.bypassReasons = bypassReasons;
    }

    /** One capability's result with the definitions' texts, its timestamps and its bypass reasons, or null. */
    public CapabilityDetail get(EntityRef ref) {
        CapabilityDetail[] out = new CapabilityDetail[1];
        query("select d.result::text, (select at from scoring_evaluated v where v.entity_ref = c.entity_ref),"
                + " c.changed_at, c.first_seen_at, c.first_consumer_at"
                + " from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref"
                + " where c.entity_ref = ? and c.removed_at is null", List.of(ref.toString()), rs -> {
                    CapabilityDetail stored = read(rs.getString(1), CapabilityDetail.class);
                    Timestamp fc = rs.getTimestamp(5);
                    out[0] = stored.with(stored.scorecards().stream().map(this::described).toList(),
                            rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), fc == null ? null : fc.toInstant());
                });
        return out[0] == null ? null : out[0].with(bypassReasons.shown(ref.toString()));
    }

    /** Whether the capability has a current result. */
    public boolean exists(EntityRef ref) {
        boolean[] out = new boolean[1];
        query("select 1 from scoring_capability where entity_ref = ? and removed_at is null", List.of(ref.toString()),
                rs -> out[0] = true);
        return out[0];
    }

    /** A stored scorecard result with the definitions' texts (names, levels, descriptions, remediation, links). */
    private ScorecardResult described(ScorecardResult card) {
        Scorecard s = definitions.get(card.id());
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult r : card.checks()) {
            Check c = definitions.check(r.id());
            checks.add(new CheckResult(r.id(), c == null ? r.id() : c.name(), c == null ? "" : c.description(),
                    c == null ? null : c.level(), c == null ? 1.0 : c.weight(), r.state(), r.reason(),
                    c == null ? "" : c.remediation(), c == null ? null : c.link()));
        }
        List<NextStep> steps = new ArrayList<>();
        for (NextStep n : card.nextSteps()) {
            Check c = definitions.check(n.checkId());
            steps.add(new NextStep(n.checkId(), c == null ? n.checkId() : c.name(), n.state(), n.reason(),
                    c == null ? "" : c.remediation(), c == null ? null : c.link()));
        }
        return new ScorecardResult(card.id(), s == null ? card.id() : s.name(), s == null ? List.of() : s.levels(),
                card.level(), card.levelIndex(), card.nextLevel(), card.percentage(), checks, steps);
    }

    /** The stored consumers of a capability (each with its teams), or null when it has no result. */
    public List<CapabilityDetail.Consumer> consumers(EntityRef ref) {
        List<List<CapabilityDetail.Consumer>> out = new ArrayList<>(1);
        query("select d.consumers::text from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref"
                + " where c.entity_ref = ? and c.removed_at is null",
                List.of(ref.toString()), rs -> out.add(consumers(rs.getString(1))));
        return out.isEmpty() ? null : out.get(0);
    }

    /**
     * A recorded change of a capability's result (the contract's history item): its ladder level, each
     * scorecard's level and percentage, consumers, the state of each check by id (none once it left),
     * whether it left.
     */
    public record Change(Instant at, String level, int levelIndex, Map<String, CapabilityList.Score> scorecards,
            int consumers, Map<String, CheckState> checks, boolean removed) {
    }

    /** A recorded change as a trend shows it: level and consumers. */
    public record Point(Instant at, String level, int levelIndex, int consumers, boolean removed) {
    }

    /** Every recorded change of a capability's result within [from, to], oldest first. */
    public List<Change> history(EntityRef ref, Instant from, Instant to) {
        List<Object> params = new ArrayList<>(List.of(ref.toString()));
        StringBuilder sql = new StringBuilder("select entity_ref, at, level, level_index, scores::text, consumer_count,"
                + " states::text, removed from scoring_history where entity_ref = ?");
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at <= ?");
            params.add(Timestamp.from(to));
        }
        sql.append(" order by at, id");
        Map<String, List<Change>> out = new HashMap<>();
        changes(sql.toString(), params, out);
        return out.getOrDefault(ref.toString(), List.of());
    }

    /**
     * The level and consumer count at every recorded change of these capabilities, oldest first, per
     * capability; one query for them all, for lists that show a trend per row.
     */
    public Map<String, List<Point>> histories(Collection<String> refs) {
        Map<String, List<Point>> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        query("select entity_ref, at, level, level_index, consumer_count, removed from scoring_history"
                + " where entity_ref = any(?) order by entity_ref, at, id", List.of((Object) refs.toArray(String[]::new)),
                rs -> out.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(new Point(
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6))));
        return out;
    }

    /** Every recorded change of these capabilities, oldest first, per capability (as {@link #history}); one query. */
    public Map<EntityRef, List<Change>> fullHistories(Collection<EntityRef> refs) {
        Map<String, List<Change>> byText = new HashMap<>();
        if (!refs.isEmpty()) {
            changes("select entity_ref, at, level, level_index, scores::text, consumer_count, states::text, removed"
                    + " from scoring_history where entity_ref = any(?) order by entity_ref, at, id",
                    List.of((Object) refs.stream().map(EntityRef::toString).toArray(String[]::new)), byText);
        }
        Map<EntityRef, List<Change>> out = new HashMap<>();
        byText.forEach((ref, changes) -> out.put(EntityRef.parse(ref), changes));
        return out;
    }

    private void changes(String sql, List<Object> params, Map<String, List<Change>> out) {
        query(sql, params, rs -> out.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(new Change(
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), scores(rs.getString(5)),
                rs.getInt(6), read(rs.getString(7), STATES), rs.getBoolean(8))));
    }

    /**
     * A result document as stored ({@code scoring_detail.result}) or about to be stored (a scoring's
     * {@code ResultChangeHook.Change#after}), as a record: the stored part only, without the definitions'
     * texts and the read-time fields. For a later stage that compares results.
     */
    public static CapabilityDetail stored(String json) throws SQLException {
        return read(json, CapabilityDetail.class);
    }

    /** Stored scores ({@code scoring_capability.scores}, {@code scoring_history.scores}) by scorecard, in stored order. */
    static Map<String, CapabilityList.Score> scores(String json) throws SQLException {
        return read(json, SCORES);
    }

    /** Stored consumers ({@code scoring_detail.consumers}). */
    static List<CapabilityDetail.Consumer> consumers(String json) throws SQLException {
        return read(json, CONSUMERS);
    }

    private static <T> T read(String json, Class<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    /** Runs a read over the scoring tables for this stage's other queries. */
    void query(String sql, List<Object> params, Sql.RowReader reader) {
        Sql.query(dataSource, sql, params, reader);
    }
}
