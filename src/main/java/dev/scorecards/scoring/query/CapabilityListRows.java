package dev.scorecards.scoring.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.scorecards.db.Sql;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList.Filter;
import dev.scorecards.scoring.query.CapabilityList.Score;
import dev.scorecards.scoring.results.ResultStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * A copy of the stored capability list rows held in memory, read again whenever the stored results'
 * version moves (on any replica): rows whose stored hash and change time are unchanged are kept, the
 * others read; each sort order is prepared when first asked for. Evaluation times change without a
 * version change, so they are read per page ({@link #evaluatedAt}).
 */
@ApplicationScoped
class CapabilityListRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "entity_ref, kind, title, owner_ref, level, level_index, scores::text,"
            + " consumer_count, consuming_team_count, adoption_rate, bypass_count, changed_at, hash";

    private final DataSource dataSource;
    private final ScorecardDefinitions definitions;
    private final ResultStore store;

    @Inject
    CapabilityListRows(DataSource dataSource, ScorecardDefinitions definitions, ResultStore store) {
        this.dataSource = dataSource;
        this.definitions = definitions;
        this.store = store;
    }

    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, List.of(), Map.of(), Map.of());

    /**
     * A capability's list row. Its JSON is kept rendered: {@code json} is everything up to the evaluation
     * time, which is read per page, and {@code changedAt} closes it; {@code hash} is the stored result's.
     */
    record Row(String ref, String kind, String title, String owner, String level, int levelIndex,
            Map<String, Score> cards, int consumers, int teams, double adoption, int bypasses, Instant changedAt,
            String search, String json, String hash) {
    }

    /** A sort order other than by name: the rows it lists, by a key ascending (ties by name). */
    private record Order(Predicate<Row> lists, ToDoubleFunction<Row> key) {
    }

    /**
     * The rows at one results version: by name, per owner (by name), every other sort order once asked
     * for, and counts per filter.
     */
    static final class Snapshot {
        private final long version;
        private final List<Row> byName;
        private final Map<String, List<Row>> byOwner;
        private final Map<String, Order> orders;
        private final Map<String, List<Row>> sorted = new ConcurrentHashMap<>();
        private final Map<Filter, Long> counts = new ConcurrentHashMap<>();

        private Snapshot(long version, List<Row> byName, Map<String, List<Row>> byOwner, Map<String, Order> orders) {
            this.version = version;
            this.byName = byName;
            this.byOwner = byOwner;
            this.orders = orders;
        }

        long version() {
            return version;
        }

        List<Row> byName() {
            return byName;
        }

        /** The rows in a sort order ({@code name}, {@code level}, {@code percentage:<scorecard>}, ...); empty when unknown. */
        List<Row> order(String name) {
            if (name.equals("name")) {
                return byName;
            }
            Order o = orders.get(name);
            return o == null ? List.of()
                    : sorted.computeIfAbsent(name, n -> sorted(byName.stream().filter(o.lists()).toList(), o.key()));
        }

        long count(Filter f) {
            Long n = counts.get(f);
            if (n == null) {
                n = candidates(f).stream().filter(f::test).count();
                if (counts.size() < 1000) {
                    counts.put(f, n);
                }
            }
            return n;
        }

        /** The rows a filter can match, by name: the owner's when it names one, else all. */
        List<Row> candidates(Filter f) {
            return f.owner() == null ? byName : byOwner.getOrDefault(f.owner(), List.of());
        }
    }

    /** The snapshot for the stored results' current version, read again when it has moved. */
    Snapshot current() {
        long version = store.version();
        Snapshot s = snapshot;
        if (s.version() == version) {
            return s;
        }
        synchronized (this) {
            if (snapshot.version() != version) {
                snapshot = load(version, snapshot);
            }
            return snapshot;
        }
    }

    /**
     * The rows at {@code version}: those of {@code before} whose hash and change time are the same, the rest
     * read. With nothing before, or when most rows changed, every row is read in one query instead (looking
     * thousands of refs up one by one costs more than reading the table).
     */
    private Snapshot load(long version, Snapshot before) {
        String all = "select " + COLUMNS + " from scoring_capability where removed_at is null";
        List<Row> rows = new ArrayList<>();
        if (before.byName().isEmpty()) {
            Sql.query(dataSource, all, List.of(), rs -> rows.add(row(rs)));
        } else {
            Map<String, Row> known = new HashMap<>();
            before.byName().forEach(r -> known.put(r.ref(), r));
            Set<String> changed = new HashSet<>();
            Sql.query(dataSource, "select entity_ref, hash, changed_at from scoring_capability where removed_at is null",
                    List.of(), rs -> {
                        Row r = known.get(rs.getString(1));
                        if (r != null && r.hash().equals(rs.getString(2))
                                && r.changedAt().equals(rs.getTimestamp(3).toInstant())) {
                            rows.add(r);
                        } else {
                            changed.add(rs.getString(1));
                        }
                    });
            if (changed.size() > rows.size()) {
                Sql.query(dataSource, all, List.of(), rs -> {
                    if (changed.contains(rs.getString(1))) {
                        rows.add(row(rs));
                    }
                });
            } else if (!changed.isEmpty()) {
                Sql.query(dataSource, all + " and entity_ref = any(?)",
                        List.of((Object) changed.toArray(String[]::new)), rs -> rows.add(row(rs)));
            }
        }
        rows.sort(Comparator.comparing(Row::ref));
        Map<String, Order> orders = new HashMap<>();
        orders.put("level", new Order(r -> true, Row::levelIndex));
        orders.put("consumers", new Order(r -> true, Row::consumers));
        orders.put("adoption", new Order(r -> true, Row::adoption));
        for (Scorecard card : definitions.all()) {
            orders.put("percentage:" + card.id(), new Order(r -> r.cards().containsKey(card.id()),
                    r -> r.cards().get(card.id()).percentage()));
        }
        Map<String, List<Row>> byOwner = new HashMap<>();
        for (Row r : rows) {
            if (r.owner() != null) {
                byOwner.computeIfAbsent(r.owner(), o -> new ArrayList<>()).add(r);
            }
        }
        return new Snapshot(version, List.copyOf(rows), byOwner, orders);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String ref = rs.getString(1);
        String kind = rs.getString(2);
        String title = rs.getString(3);
        String owner = rs.getString(4);
        String level = rs.getString(5);
        int levelIndex = rs.getInt(6);
        String scores = rs.getString(7);
        int consumers = rs.getInt(8);
        int teams = rs.getInt(9);
        double adoption = rs.getDouble(10);
        int bypasses = rs.getInt(11);
        return new Row(ref, kind, title, owner, level, levelIndex, cards(scores), consumers, teams, adoption,
                bypasses, rs.getTimestamp(12).toInstant(),
                ref + "\n" + (title == null ? "" : title.toLowerCase(Locale.ROOT)),
                render(ref, kind, title, owner, level, levelIndex, scores, consumers, teams, adoption, bypasses),
                rs.getString(13));
    }

    static List<Row> sorted(List<Row> rows, ToDoubleFunction<Row> key) {
        List<Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparingDouble(key).thenComparing(Row::ref));
        return out;
    }

    private static Map<String, Score> cards(String scores) throws java.sql.SQLException {
        Map<String, Score> out = new HashMap<>();
        try {
            JsonNode node = JSON.readTree(scores);
            node.fields().forEachRemaining(e -> out.put(e.getKey(), new Score(
                    e.getValue().path("level").isNull() ? null : e.getValue().path("level").asText(null),
                    e.getValue().path("levelIndex").asInt(), e.getValue().path("percentage").asDouble())));
        } catch (IOException e) {
            throw new java.sql.SQLException(e);
        }
        return out;
    }

    /** The row's JSON up to {@code "evaluatedAt":}, the stored scores served as they are. */
    private static String render(String ref, String kind, String title, String owner, String level, int levelIndex,
            String scores, int consumers, int teams, double adoption, int bypasses) {
        ObjectNode o = JSON.createObjectNode();
        o.put("entityRef", ref);
        o.put("kind", kind);
        o.put("title", title);
        o.put("owner", owner);
        o.put("level", level);
        o.put("levelIndex", levelIndex);
        o.putRawValue("scorecards", new RawValue(scores));
        o.put("consumers", consumers);
        o.put("consumingTeams", teams);
        o.put("adoptionRate", adoption);
        o.put("bypasses", bypasses);
        String text = o.toString();
        return text.substring(0, text.length() - 1) + ",\"evaluatedAt\":";
    }

    /** When each row was last evaluated (per page: evaluation changes no version). */
    Map<String, Instant> evaluatedAt(List<Row> rows) {
        return evaluatedAt(rows.stream().map(Row::ref).toList());
    }

    Map<String, Instant> evaluatedAt(java.util.Collection<String> refs) {
        Map<String, Instant> out = new HashMap<>();
        if (!refs.isEmpty()) {
            Sql.query(dataSource, "select entity_ref, at from scoring_evaluated where entity_ref = any(?)",
                    List.of((Object) refs.toArray(String[]::new)), rs -> out.put(rs.getString(1),
                            rs.getTimestamp(2).toInstant()));
        }
        return out;
    }
}
