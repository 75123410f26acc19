package dev.scorecards.facts.pushed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.FactNames;
import dev.scorecards.facts.FactsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Facts that scripts push ({@code POST /api/scorecards/facts}): every item of a batch is answered,
 * accepted ones are stored with their source and time, and the latest value of each name is what
 * checks see beside the facts derived from the catalog.
 */
@ApplicationScoped
public class PushedFacts {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.:-]{0,99}$");
    private static final int MAX_ITEMS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final CatalogQueries catalog;
    private final FactsConfig.Facts factsConfig;
    private final Event<FactsPushed> pushed;

    @Inject
    PushedFacts(DataSource dataSource, CatalogQueries catalog, FactsConfig.Facts factsConfig,
            Event<FactsPushed> pushed) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.factsConfig = factsConfig;
        this.pushed = pushed;
    }

    /** The answer to one item of a batch. */
    public record ItemResult(int index, String entityRef, String status, String reason, List<String> facts) {
    }

    /** Stores the acceptable items of a batch; rejected items say why. */
    @Transactional
    public List<ItemResult> push(JsonNode batch) {
        JsonNode items = batch != null && batch.isObject() ? batch.get("items") : batch;
        if (items == null || !items.isArray()) {
            throw ServiceError.input("Malformed request: expected an array of {entityRef, source, facts, timestamp?}"
                    + " (or {items: [...]})");
        }
        if (items.size() > MAX_ITEMS) {
            throw ServiceError.input("Malformed request: at most " + MAX_ITEMS + " items per request");
        }
        List<ItemResult> results = new ArrayList<>();
        Set<String> accepted = new LinkedHashSet<>();
        Map<String, NewestOfName> newest = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into facts_value (entity_ref, name, source, value, observed_at) values (?, ?, ?, ?::jsonb, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String rawRef = item.path("entityRef").asText(null);
                String problem = null;
                String ref = null;
                EntityRef parsed = null;
                try {
                    parsed = rawRef == null ? null : EntityRef.parse(rawRef);
                    ref = parsed == null ? null : parsed.toString();
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
                if (ref == null && problem == null) {
                    problem = "entityRef is required";
                }
                String source = item.path("source").asText("");
                Instant observed = Instant.now();
                if (problem == null && source.isBlank()) {
                    problem = "source is required";
                }
                if (problem == null && item.hasNonNull("timestamp")) {
                    try {
                        observed = OffsetDateTime.parse(item.get("timestamp").asText()).toInstant();
                    } catch (DateTimeParseException e) {
                        problem = "timestamp must be an ISO-8601 date-time with an offset, got "
                                + item.get("timestamp");
                    }
                }
                JsonNode facts = item.get("facts");
                if (problem == null && (facts == null || !facts.isObject() || facts.isEmpty())) {
                    problem = "facts must be a non-empty object of name: value";
                }
                if (problem == null && catalog.byRef(parsed) == null) {
                    problem = "unknown entity " + ref;
                }
                if (problem == null) {
                    problem = checkValues(facts);
                }
                if (problem != null) {
                    results.add(new ItemResult(i, ref != null ? ref : rawRef, "rejected", problem, List.of()));
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (var e : (Iterable<Map.Entry<String, JsonNode>>) facts::fields) {
                    insert.setString(1, ref);
                    insert.setString(2, e.getKey());
                    insert.setString(3, source);
                    insert.setString(4, e.getValue().toString());
                    insert.setTimestamp(5, Timestamp.from(observed));
                    insert.addBatch();
                    names.add(e.getKey());
                    newest.merge(e.getKey(), new NewestOfName(source, e.getValue().toString(), observed),
                            (old, next) -> next.observed().isBefore(old.observed()) ? old : next);
                }
                results.add(new ItemResult(i, ref, "accepted", null, names));
                accepted.add(ref);
            }
            insert.executeBatch();
            prune(c, accepted);
            keepNewestOfNames(c, newest);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!accepted.isEmpty()) {
            pushed.fire(new FactsPushed(Set.copyOf(accepted)));
        }
        return results;
    }

    private static String checkValues(JsonNode facts) {
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) facts::fields) {
            if (!NAME.matcher(e.getKey()).matches()) {
                return "fact name '" + e.getKey() + "' must be 1-100 characters of [A-Za-z0-9_.:-], starting with a letter";
            }
            if (FactNames.isDerived(e.getKey())) {
                return "fact name '" + e.getKey() + "' is derived from the catalog and cannot be pushed";
            }
            String load = dev.scorecards.facts.SupportLoad.problem(e.getKey(), e.getValue());
            if (load != null) {
                return load;
            }
            JsonNode v = e.getValue();
            boolean scalar = v.isBoolean() || v.isNumber() || v.isTextual();
            boolean list = v.isArray() && java.util.stream.StreamSupport.stream(v.spliterator(), false)
                    .allMatch(x -> x.isBoolean() || x.isNumber() || x.isTextual());
            if (!scalar && !list) {
                return "fact '" + e.getKey() + "' must be a boolean, number, string (timestamps as ISO-8601 strings)"
                        + " or a list of those";
            }
        }
        return null;
    }

    /** A batch's newest value of one fact name (the later item wins a tie, as the later row does). */
    private record NewestOfName(String source, String json, Instant observed) {
    }

    /** Keeps facts_name at the newest push of every name; a tie goes to the later push. */
    private static void keepNewestOfNames(Connection c, Map<String, NewestOfName> newest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into facts_name as f (name, source, value, observed_at) values (?, ?, ?::jsonb, ?)
                on conflict (name) do update set source = excluded.source, value = excluded.value,
                  observed_at = excluded.observed_at, received_at = excluded.received_at
                where excluded.observed_at >= f.observed_at
                """)) {
            for (var e : newest.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue().source());
                ps.setString(3, e.getValue().json());
                ps.setTimestamp(4, Timestamp.from(e.getValue().observed()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void prune(Connection c, Collection<String> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                delete from facts_value where id in (
                  select id from (select id, row_number() over (partition by entity_ref, name
                                                                  order by observed_at desc, id desc) as n
                                  from facts_value where entity_ref = any(?)) ranked
                  where n > ?)
                """)) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            ps.setInt(2, factsConfig.historyPerFact());
            ps.executeUpdate();
        }
    }

    /** The latest value of every pushed fact of each entity, as CEL values. */
    public Map<String, Map<String, Object>> latest(Collection<String> refs) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        query("""
                select distinct on (entity_ref, name) entity_ref, name, value::text
                from facts_value where entity_ref = any(?) order by entity_ref, name, observed_at desc, id desc
                """, refs, rs -> out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                .put(rs.getString(2), CelValues.of(rs.getString(3))));
        return out;
    }

    /** A pushed fact's values over time, newest first. */
    public record Observation(String name, String source, JsonNode value, Instant observedAt, Instant receivedAt) {
    }

    public List<Observation> history(String ref, String name, int limit) {
        StringBuilder sql = new StringBuilder("select name, source, value::text, observed_at, received_at from facts_value"
                + " where entity_ref = ?");
        List<Object> params = new ArrayList<>(List.of(ref));
        if (name != null) {
            sql.append(" and name = ?");
            params.add(name);
        }
        sql.append(" order by observed_at desc, id desc limit ?");
        params.add(limit);
        return observations(sql.toString(), params);
    }

    /** The newest observation of each fact pushed about an entity, by name. */
    public List<Observation> latestObservations(String ref) {
        return observations("select distinct on (name) name, source, value::text, observed_at, received_at"
                + " from facts_value where entity_ref = ? order by name, observed_at desc, id desc", List.of(ref));
    }

    /** The observations about an entity made within [from, to], oldest first. */
    public List<Observation> between(String ref, Instant from, Instant to) {
        return observations("select name, source, value::text, observed_at, received_at from facts_value"
                + " where entity_ref = ? and observed_at between ? and ? order by observed_at, id",
                List.of(ref, Timestamp.from(from), Timestamp.from(to)));
    }

    /** The newest observation of every fact name pushed about any entity, by name (kept on push). */
    public List<Observation> newestOfEveryName() {
        return observations("select name, source, value::text, observed_at, received_at from facts_name order by name",
                List.of());
    }

    private List<Observation> observations(String sql, List<Object> params) {
        List<Observation> out = new ArrayList<>();
        Sql.query(dataSource, sql, params, rs -> {
            try {
                out.add(new Observation(rs.getString(1), rs.getString(2), JSON.readTree(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        });
        return out;
    }

    private void query(String sql, Collection<String> refs, Sql.RowReader reader) {
        Object refArray = refs.toArray(String[]::new);
        Sql.query(dataSource, sql, List.of(refArray), reader);
    }
}
