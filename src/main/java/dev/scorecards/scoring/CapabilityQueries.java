package dev.scorecards.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads stored results: the capability list (filters, sort, cursor, CSV), one capability, its history. */
@ApplicationScoped
public class CapabilityQueries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SORTS = Map.of("name", "c.entity_ref", "level", "c.level_index",
            "consumers", "c.consumer_count", "adoption", "c.adoption_rate", "percentage", "s.percentage");

    @Inject
    DataSource dataSource;
    @Inject
    ScorecardDefinitions definitions;

    /** One page of the list, and the query for the next page (null when none). */
    public record Page(List<JsonNode> items, long totalItems, CapabilityListQuery next) {
    }

    public Page list(CapabilityListQuery q, int limit) {
        check(q);
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        long total = q.totalItems() != null ? q.totalItems() : count(where, params);
        List<Object> pageParams = new ArrayList<>();
        String sortExpr = SORTS.get(q.sort());
        String from = "scoring_capability c";
        if (q.sort().equals("percentage")) {
            from += " join scoring_score s on s.entity_ref = c.entity_ref and s.scorecard = ?";
            pageParams.add(q.scorecard());
        }
        pageParams.addAll(params);
        String sql = "select " + sortExpr + "::text, " + SUMMARY + " from " + from + " where " + where;
        if (q.afterRef() != null) {
            sql += " and (" + sortExpr + ", c.entity_ref) " + (q.descending() ? "<" : ">") + " (?::" + castOf(q.sort())
                    + ", ?)";
            pageParams.add(q.afterValue());
            pageParams.add(q.afterRef());
        }
        String dir = q.descending() ? " desc" : " asc";
        sql += " order by " + sortExpr + dir + ", c.entity_ref" + dir + " limit ?";
        pageParams.add(limit + 1);
        List<JsonNode> items = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        query(sql, pageParams, rs -> {
            keys.add(new String[] {rs.getString(1), rs.getString(2)});
            items.add(summary(rs, 2));
        });
        CapabilityListQuery next = null;
        if (items.size() > limit) {
            items.remove(limit);
            String[] last = keys.get(limit - 1);
            next = new CapabilityListQuery(q.owner(), q.kind(), q.scorecard(), q.level(), q.q(), q.sort(),
                    q.descending(), last[0], last[1], total);
        }
        return new Page(items, total, next);
    }

    private void check(CapabilityListQuery q) {
        if (!SORTS.containsKey(q.sort())) {
            throw ServiceError.input("Invalid sort '" + q.sort() + "': one of " + SORTS.keySet().stream().sorted().toList()
                    + ", with - in front for descending");
        }
        if (q.scorecard() != null && definitions.get(q.scorecard()) == null) {
            throw ServiceError.input("Unknown scorecard '" + q.scorecard() + "'");
        }
        if (q.sort().equals("percentage") && q.scorecard() == null) {
            throw ServiceError.input("sort=percentage needs a scorecard parameter");
        }
    }

    private static String castOf(String sort) {
        return switch (sort) {
            case "level", "consumers" -> "integer";
            case "adoption", "percentage" -> "double precision";
            default -> "text";
        };
    }

    /** Every matching capability as CSV (header first), for scripts and spreadsheets. */
    public void csv(CapabilityListQuery q, Consumer<String> lines) {
        check(q);
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        List<Scorecard> cards = definitions.all().stream().filter(s -> !s.ladder()).toList();
        StringBuilder header = new StringBuilder("entityRef,kind,title,owner,level");
        for (Scorecard s : cards) {
            header.append(',').append(s.id()).append(".level,").append(s.id()).append(".percentage");
        }
        header.append(",consumers,consumingTeams,adoptionRate,bypasses,evaluatedAt");
        lines.accept(header.toString());
        query("select " + SUMMARY + " from scoring_capability c where " + where + " order by c.entity_ref", params, rs -> {
            JsonNode s = summary(rs, 1, true);
            StringBuilder line = new StringBuilder();
            for (String f : List.of("entityRef", "kind", "title", "owner", "level")) {
                line.append(line.length() == 0 && f.equals("entityRef") ? "" : ",").append(cell(s.path(f).asText("")));
            }
            for (Scorecard card : cards) {
                JsonNode sc = s.path("scorecards").path(card.id());
                line.append(',').append(cell(sc.path("level").asText(""))).append(',')
                        .append(sc.path("percentage").asText(""));
            }
            line.append(',').append(s.path("consumers").asLong()).append(',').append(s.path("consumingTeams").asLong())
                    .append(',').append(s.path("adoptionRate").asDouble()).append(',').append(s.path("bypasses").asLong())
                    .append(',').append(s.path("evaluatedAt").asText());
            lines.accept(line.toString());
        });
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; never starting a formula. */
    static String cell(String v) {
        String value = v;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private String where(CapabilityListQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder("c.removed_at is null");
        if (q.owner() != null) {
            w.append(" and c.owner_ref = ?");
            params.add(q.owner());
        }
        if (q.kind() != null) {
            w.append(" and c.kind = ?");
            params.add(q.kind().toLowerCase(Locale.ROOT));
        }
        if (q.level() != null) {
            Scorecard card = q.scorecard() == null ? definitions.ladder() : definitions.get(q.scorecard());
            int index = q.level().equalsIgnoreCase("none") ? -1 : -2;
            for (int i = 0; card != null && i < card.levels().size(); i++) {
                if (card.levels().get(i).equalsIgnoreCase(q.level())) {
                    index = i;
                }
            }
            if (index == -2) {
                throw ServiceError.input("Unknown level '" + q.level() + "'" + (card == null ? ""
                        : ": one of " + card.levels() + " or none"));
            }
            if (q.scorecard() == null) {
                w.append(" and c.level_index = ?");
            } else {
                w.append(" and exists (select 1 from scoring_score l where l.scorecard = ? and l.entity_ref = c.entity_ref"
                        + " and l.level_index = ?)");
                params.add(q.scorecard());
            }
            params.add(index);
        }
        if (q.q() != null && !q.q().isBlank()) {
            String like = "%" + q.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            w.append(" and (c.entity_ref like ? or lower(coalesce(c.title, '')) like ?)");
            params.add(like);
            params.add(like);
        }
        return w.toString();
    }

    private static final String SUMMARY = "c.entity_ref, c.kind, c.title, c.owner_ref, c.level, c.level_index,"
            + " c.scores::text, c.consumer_count, c.consuming_team_count, c.adoption_rate,"
            + " c.bypass_count, (select at from scoring_evaluated v where v.entity_ref = c.entity_ref), c.changed_at";

    private static JsonNode summary(ResultSet rs, int first) throws SQLException {
        return summary(rs, first, false);
    }

    /** A list row; the scores stay raw JSON text unless {@code parsed} (the CSV reads into them). */
    private static JsonNode summary(ResultSet rs, int first, boolean parsed) throws SQLException {
        ObjectNode o = JSON.createObjectNode();
        int i = first;
        o.put("entityRef", rs.getString(i++));
        o.put("kind", rs.getString(i++));
        o.put("title", rs.getString(i++));
        o.put("owner", rs.getString(i++));
        o.put("level", rs.getString(i++));
        o.put("levelIndex", rs.getInt(i++));
        String scores = rs.getString(i++);
        if (parsed) {
            try {
                o.set("scorecards", JSON.readTree(scores));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        } else {
            o.putRawValue("scorecards", new com.fasterxml.jackson.databind.util.RawValue(scores));
        }
        o.put("consumers", rs.getInt(i++));
        o.put("consumingTeams", rs.getInt(i++));
        o.put("adoptionRate", rs.getDouble(i++));
        o.put("bypasses", rs.getInt(i++));
        o.put("evaluatedAt", rs.getTimestamp(i++).toInstant().toString());
        o.put("changedAt", rs.getTimestamp(i).toInstant().toString());
        return o;
    }

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

    /** Every recorded change of a capability's result within [from, to], oldest first. */
    public List<JsonNode> history(String ref, Instant from, Instant to) {
        List<JsonNode> out = new ArrayList<>();
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
            ObjectNode o = JSON.createObjectNode();
            o.put("at", rs.getTimestamp(1).toInstant().toString());
            o.put("level", rs.getString(2));
            o.put("levelIndex", rs.getInt(3));
            try {
                o.set("scorecards", JSON.readTree(rs.getString(4)));
                o.put("consumers", rs.getInt(5));
                o.set("checks", JSON.readTree(rs.getString(6)));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
            o.put("removed", rs.getBoolean(7));
            out.add(o);
        });
        return out;
    }

    /** Counts only change with the stored results, so they are kept per filter until the results' version moves. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Long> counts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1000).build();

    @Inject
    ResultStore store;

    private long count(String where, List<Object> params) {
        String key = store.version() + "|" + where + "|" + params.stream().map(p -> p instanceof String[] a
                ? String.join(",", a) : String.valueOf(p)).collect(java.util.stream.Collectors.joining("|"));
        return counts.get(key, k -> {
            long[] n = new long[1];
            query("select count(*) from scoring_capability c where " + where, params, rs -> n[0] = rs.getLong(1));
            return n[0];
        });
    }

    /** Runs a read over the scoring tables for this stage's other queries. */
    void query(String sql, List<Object> params, Sql.RowReader reader) {
        Sql.query(dataSource, sql, params, reader);
    }
}
