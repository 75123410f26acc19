package dev.scorecards.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * The capability list (filters, sorts, cursor pages, CSV), served from a copy of the stored list rows
 * held in memory, each sort order prepared once, and read again whenever the stored results' version
 * moves (on any replica). Evaluation times change without a version change, so they are read per page.
 */
@ApplicationScoped
public class CapabilityList {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SORTS = List.of("adoption", "consumers", "level", "name", "percentage");

    @Inject
    DataSource dataSource;
    @Inject
    ScorecardDefinitions definitions;
    @Inject
    ResultStore store;

    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, List.of(), Map.of(), Map.of(), Map.of());

    /** One page of the list, and the query for the next page (null when none). */
    public record Page(List<RawValue> items, long totalItems, CapabilityListQuery next) {
    }

    /** One scorecard's result in a list row. */
    public record Score(String level, int levelIndex, double percentage) {
    }

    /**
     * A capability's list row. Its JSON is kept rendered: {@code json} is everything up to the evaluation
     * time, which is read per page, and {@code changedAt} closes it.
     */
    record Row(String ref, String kind, String title, String owner, String level, int levelIndex,
            Map<String, Score> cards, int consumers, int teams, double adoption, int bypasses, Instant changedAt,
            String search, String json) {
    }

    /**
     * The rows at one results version: by name, in every other sort order (ascending, ties by name) and
     * per owner (by name); counts per filter are kept with them.
     */
    private record Snapshot(long version, List<Row> byName, Map<String, List<Row>> orders, Map<String, List<Row>> byOwner,
            Map<Filter, Long> counts) {
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

    /** What a list query keeps: each field null (or {@code levelIndex} unused when {@code level} is false) for any. */
    record Filter(String owner, String kind, boolean level, String card, int levelIndex, String text) {
        boolean test(Row r) {
            if (owner != null && !owner.equals(r.owner())) {
                return false;
            }
            if (kind != null && !kind.equals(r.kind())) {
                return false;
            }
            if (level) {
                int actual = r.levelIndex();
                if (card != null) {
                    Score s = r.cards().get(card);
                    if (s == null) {
                        return false;
                    }
                    actual = s.levelIndex();
                }
                if (actual != levelIndex) {
                    return false;
                }
            }
            return text == null || r.search().contains(text);
        }
    }

    public Page list(CapabilityListQuery q, int limit) {
        check(q);
        Filter filter = filter(q);
        Snapshot s = current();
        long total = q.totalItems() != null ? q.totalItems() : s.count(filter);
        ToDoubleFunction<Row> key = key(q);
        List<Row> rows;
        if (filter.owner() != null) { // few rows: put the owner's in the requested order here
            boolean percentage = q.sort().equals("percentage");
            rows = s.candidates(filter).stream().filter(r -> !percentage || r.cards().containsKey(q.scorecard()))
                    .toList();
            rows = key == null ? rows : sorted(rows, key);
        } else {
            rows = s.orders().getOrDefault(q.sort().equals("percentage") ? "percentage:" + q.scorecard() : q.sort(),
                    List.of());
        }
        List<Row> page = new ArrayList<>(limit + 1);
        int step = q.descending() ? -1 : 1;
        for (int i = start(rows, q, key); i >= 0 && i < rows.size() && page.size() <= limit; i += step) {
            if (filter.test(rows.get(i))) {
                page.add(rows.get(i));
            }
        }
        CapabilityListQuery next = null;
        if (page.size() > limit) {
            page.remove(limit);
            Row last = page.get(limit - 1);
            String value = key == null ? last.ref() : String.valueOf(key.applyAsDouble(last));
            next = new CapabilityListQuery(q.owner(), q.kind(), q.scorecard(), q.level(), q.q(), q.sort(),
                    q.descending(), value, last.ref(), total);
        }
        Map<String, Instant> evaluated = evaluatedAt(page);
        List<RawValue> items = new ArrayList<>(page.size());
        for (Row r : page) {
            items.add(json(r, evaluated.get(r.ref())));
        }
        return new Page(items, total, next);
    }

    /**
     * A capability's current scores by scorecard id (the ladder's included), or null when it has none
     * (not a capability, or not evaluated yet); from the copy in memory, as the list is.
     */
    public Map<String, Score> scores(String ref) {
        List<Row> rows = current().byName();
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = rows.get(mid).ref().compareTo(ref);
            if (c == 0) {
                return rows.get(mid).cards();
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /** A capability as the list holds it: what a selection filters on, and its scores by scorecard id. */
    public record Item(String ref, String kind, String title, String owner, Map<String, Score> cards) {
    }

    /** Every capability in the list, by ref (the copy the list itself answers from). */
    public List<Item> items() {
        return current().byName().stream().map(r -> new Item(r.ref(), r.kind(), r.title(), r.owner(), r.cards()))
                .toList();
    }

    /** The kinds of the capabilities in the list, sorted (for a filter to offer only kinds that match some). */
    public List<String> kinds() {
        return current().byName().stream().map(Row::kind).distinct().sorted().toList();
    }

    /**
     * Every matching capability as table lines (header first, then by name), for the CSV form of the
     * list; the api stage writes them.
     */
    public void csv(CapabilityListQuery q, Consumer<List<String>> lines) {
        check(q);
        Filter filter = filter(q);
        List<Row> rows = current().candidates(filter).stream().filter(filter::test).toList();
        Map<String, Instant> evaluated = evaluatedAt(rows);
        List<Scorecard> cards = definitions.all().stream().filter(s -> !s.ladder()).toList();
        List<String> header = new ArrayList<>(List.of("entityRef", "kind", "title", "owner", "level"));
        for (Scorecard s : cards) {
            header.add(s.id() + ".level");
            header.add(s.id() + ".percentage");
        }
        header.addAll(List.of("consumers", "consumingTeams", "adoptionRate", "bypasses", "evaluatedAt"));
        lines.accept(header);
        for (Row r : rows) {
            List<String> line = new ArrayList<>(header.size());
            line.addAll(java.util.Arrays.asList(r.ref(), r.kind(), r.title(), r.owner(), r.level()));
            for (Scorecard card : cards) {
                Score sc = r.cards().get(card.id());
                line.add(sc == null ? null : sc.level());
                line.add(sc == null ? null : String.valueOf(sc.percentage()));
            }
            Instant at = evaluated.get(r.ref());
            line.addAll(java.util.Arrays.asList(String.valueOf(r.consumers()), String.valueOf(r.teams()),
                    String.valueOf(r.adoption()), String.valueOf(r.bypasses()), at == null ? null : at.toString()));
            lines.accept(line);
        }
    }

    private void check(CapabilityListQuery q) {
        if (!SORTS.contains(q.sort())) {
            throw ServiceError.input("Invalid sort '" + q.sort() + "': one of " + SORTS
                    + ", with - in front for descending");
        }
        if (q.scorecard() != null && definitions.get(q.scorecard()) == null) {
            throw ServiceError.input("Unknown scorecard '" + q.scorecard() + "'");
        }
        if (q.sort().equals("percentage") && q.scorecard() == null) {
            throw ServiceError.input("sort=percentage needs a scorecard parameter");
        }
    }

    /** The numeric sort key, or null for the name order (which is the ref itself). */
    private static ToDoubleFunction<Row> key(CapabilityListQuery q) {
        return switch (q.sort()) {
            case "level" -> Row::levelIndex;
            case "consumers" -> Row::consumers;
            case "adoption" -> Row::adoption;
            case "percentage" -> r -> r.cards().get(q.scorecard()).percentage();
            default -> null;
        };
    }

    /** Where a page starts in the ascending order: just past the cursor, walking in the query's direction. */
    private static int start(List<Row> rows, CapabilityListQuery q, ToDoubleFunction<Row> key) {
        if (q.afterRef() == null) {
            return q.descending() ? rows.size() - 1 : 0;
        }
        double afterKey = key == null ? 0 : parse(q.afterValue());
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) { // first row ordered after the cursor's (key, ref)
            int mid = (lo + hi) >>> 1;
            Row r = rows.get(mid);
            int c = key == null ? 0 : Double.compare(key.applyAsDouble(r), afterKey);
            if (c == 0) {
                c = r.ref().compareTo(q.afterRef());
            }
            if (c <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (!q.descending()) {
            return lo;
        }
        int at = lo - 1; // the cursor row itself, when it is still there, is skipped
        return at >= 0 && rows.get(at).ref().equals(q.afterRef())
                && (key == null || key.applyAsDouble(rows.get(at)) == afterKey) ? at - 1 : at;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw ServiceError.input("Invalid cursor");
        }
    }

    private Filter filter(CapabilityListQuery q) {
        boolean level = q.level() != null;
        return new Filter(q.owner(), q.kind() == null ? null : q.kind().toLowerCase(Locale.ROOT), level,
                level ? q.scorecard() : null, level ? levelIndex(q) : 0,
                q.q() == null || q.q().isBlank() ? null : q.q().toLowerCase(Locale.ROOT));
    }

    private int levelIndex(CapabilityListQuery q) {
        Scorecard card = q.scorecard() == null ? definitions.ladder() : definitions.get(q.scorecard());
        if (q.level().equalsIgnoreCase("none")) {
            return -1;
        }
        for (int i = 0; card != null && i < card.levels().size(); i++) {
            if (card.levels().get(i).equalsIgnoreCase(q.level())) {
                return i;
            }
        }
        throw ServiceError.input("Unknown level '" + q.level() + "'" + (card == null ? ""
                : ": one of " + card.levels() + " or none"));
    }

    private static RawValue json(Row r, Instant evaluatedAt) {
        return new RawValue(r.json() + (evaluatedAt == null ? "null" : "\"" + evaluatedAt + "\"") + ",\"changedAt\":\""
                + r.changedAt() + "\"}");
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

    private Map<String, Instant> evaluatedAt(List<Row> rows) {
        Map<String, Instant> out = new HashMap<>();
        if (!rows.isEmpty()) {
            Object refs = rows.stream().map(Row::ref).toArray(String[]::new);
            Sql.query(dataSource, "select entity_ref, at from scoring_evaluated where entity_ref = any(?)",
                    List.of(refs), rs -> out.put(rs.getString(1), rs.getTimestamp(2).toInstant()));
        }
        return out;
    }

    /** The snapshot for the stored results' current version, read again when it has moved. */
    private Snapshot current() {
        long version = store.version();
        Snapshot s = snapshot;
        if (s.version() == version) {
            return s;
        }
        synchronized (this) {
            if (snapshot.version() != version) {
                snapshot = load(version);
            }
            return snapshot;
        }
    }

    private Snapshot load(long version) {
        List<Row> rows = new ArrayList<>();
        Sql.query(dataSource, "select entity_ref, kind, title, owner_ref, level, level_index, scores::text,"
                + " consumer_count, consuming_team_count, adoption_rate, bypass_count, changed_at"
                + " from scoring_capability where removed_at is null", List.of(), rs -> {
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
                    rows.add(new Row(ref, kind, title, owner, level, levelIndex, cards(scores), consumers, teams, adoption,
                            bypasses, rs.getTimestamp(12).toInstant(),
                            ref + "\n" + (title == null ? "" : title.toLowerCase(Locale.ROOT)),
                            render(ref, kind, title, owner, level, levelIndex, scores, consumers, teams, adoption,
                                    bypasses)));
                });
        rows.sort(Comparator.comparing(Row::ref));
        Map<String, List<Row>> orders = new LinkedHashMap<>();
        orders.put("name", rows);
        orders.put("level", sorted(rows, Row::levelIndex));
        orders.put("consumers", sorted(rows, Row::consumers));
        orders.put("adoption", sorted(rows, Row::adoption));
        for (Scorecard card : definitions.all()) {
            List<Row> scored = rows.stream().filter(r -> r.cards().containsKey(card.id())).toList();
            orders.put("percentage:" + card.id(), sorted(scored, r -> r.cards().get(card.id()).percentage()));
        }
        Map<String, List<Row>> byOwner = new HashMap<>();
        for (Row r : rows) {
            if (r.owner() != null) {
                byOwner.computeIfAbsent(r.owner(), o -> new ArrayList<>()).add(r);
            }
        }
        return new Snapshot(version, List.copyOf(rows), orders, byOwner, new ConcurrentHashMap<>());
    }

    private static List<Row> sorted(List<Row> rows, ToDoubleFunction<Row> key) {
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
}
