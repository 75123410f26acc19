package dev.scorecards.scoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.db.Sql;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
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

/** Reads stored results: one capability, its consumers, its history. */
@ApplicationScoped
public class CapabilityQueries {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;
    @Inject
    ScorecardDefinitions definitions;

    /** One capability's stored result with its timestamps, or null. */
    public ObjectNode get(String ref) {
        ObjectNode[] out = new ObjectNode[1];
        query("select d.result::text, (select at from scoring_evaluated v where v.entity_ref = c.entity_ref),"
                + " c.changed_at, c.first_seen_at, c.first_consumer_at"
                + " from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref"
                + " where c.entity_ref = ? and c.removed_at is null", List.of(ref), rs -> {
                    try {
                        ObjectNode o = withDefinitions((ObjectNode) JSON.readTree(rs.getString(1)));
                        o.put("evaluatedAt", rs.getTimestamp(2).toInstant().toString());
                        o.put("changedAt", rs.getTimestamp(3).toInstant().toString());
                        o.put("firstSeenAt", rs.getTimestamp(4).toInstant().toString());
                        Timestamp fc = rs.getTimestamp(5);
                        o.put("firstConsumerAt", fc == null ? null : fc.toInstant().toString());
                        out[0] = o;
                    } catch (java.io.IOException e) {
                        throw new SQLException(e);
                    }
                });
        return out[0];
    }

    /** Adds the definitions' texts (names, levels, descriptions, remediation, links) to a stored result. */
    private ObjectNode withDefinitions(ObjectNode result) {
        for (JsonNode card : result.path("scorecards")) {
            Scorecard s = definitions.get(card.path("id").asText());
            ObjectNode c = (ObjectNode) card;
            c.put("name", s == null ? card.path("id").asText() : s.name());
            c.set("levels", JSON.valueToTree(s == null ? List.of() : s.levels()));
            for (JsonNode check : card.path("checks")) {
                describe((ObjectNode) check, check.path("id").asText(), true);
            }
            for (JsonNode step : card.path("nextSteps")) {
                describe((ObjectNode) step, step.path("checkId").asText(), false);
            }
        }
        return result;
    }

    private void describe(ObjectNode target, String checkId, boolean full) {
        Check c = definitions.check(checkId);
        target.put("name", c == null ? checkId : c.name());
        if (full) {
            target.put("description", c == null ? "" : c.description());
            target.put("level", c == null ? null : c.level());
            target.put("weight", c == null ? 1.0 : c.weight());
        }
        target.put("remediation", c == null ? "" : c.remediation());
        target.put("link", c == null ? null : c.link());
    }

    /** The stored consumers of a capability (each with its teams), or null when it has no result. */
    public JsonNode consumers(String ref) {
        JsonNode[] out = new JsonNode[1];
        query("select d.consumers::text from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref"
                + " where c.entity_ref = ? and c.removed_at is null",
                List.of(ref), rs -> {
                    try {
                        out[0] = JSON.readTree(rs.getString(1));
                    } catch (java.io.IOException e) {
                        throw new SQLException(e);
                    }
                });
        return out[0];
    }

    /**
     * A recorded change of a capability's result (the contract's history item): its ladder level, each
     * scorecard's level and percentage, consumers, the state of each check by id, whether it left.
     */
    public record Change(String at, String level, int levelIndex, JsonNode scorecards, int consumers, JsonNode checks,
            boolean removed) {
    }

    /** A recorded change as a trend shows it: level and consumers. */
    public record Point(Instant at, String level, int levelIndex, int consumers, boolean removed) {
    }

    /** Every recorded change of a capability's result within [from, to], oldest first. */
    public List<Change> history(String ref, Instant from, Instant to) {
        List<Change> out = new ArrayList<>();
        List<Object> params = new ArrayList<>(List.of(ref));
        StringBuilder sql = new StringBuilder("select at, level, level_index, scores::text, consumer_count, states::text,"
                + " removed from scoring_history where entity_ref = ?");
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at <= ?");
            params.add(Timestamp.from(to));
        }
        sql.append(" order by at, id");
        query(sql.toString(), params, rs -> {
            try {
                out.add(new Change(rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getInt(3),
                        JSON.readTree(rs.getString(4)), rs.getInt(5), JSON.readTree(rs.getString(6)), rs.getBoolean(7)));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        });
        return out;
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

    /**
     * Every recorded change of these capabilities, oldest first, per capability, each as {@link #history}
     * gives it ({@code at}, {@code levelIndex}, {@code scorecards}, {@code checks}, {@code removed}); one query.
     */
    public Map<String, List<JsonNode>> fullHistories(Collection<String> refs) {
        Map<String, List<JsonNode>> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        query("select entity_ref, at, level_index, scores::text, states::text, removed from scoring_history"
                + " where entity_ref = any(?) order by entity_ref, at, id", List.of((Object) refs.toArray(String[]::new)),
                rs -> {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("at", rs.getTimestamp(2).toInstant().toString());
                    o.put("levelIndex", rs.getInt(3));
                    try {
                        o.set("scorecards", JSON.readTree(rs.getString(4)));
                        o.set("checks", JSON.readTree(rs.getString(5)));
                    } catch (java.io.IOException e) {
                        throw new SQLException(e);
                    }
                    o.put("removed", rs.getBoolean(6));
                    out.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(o);
                });
        return out;
    }

    /** Runs a read over the scoring tables for this stage's other queries. */
    void query(String sql, List<Object> params, Sql.RowReader reader) {
        Sql.query(dataSource, sql, params, reader);
    }
}
