package dev.scorecards.scoring.query;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityListRows.Row;
import dev.scorecards.scoring.query.CapabilityListRows.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The capability list's queries (filters, sorts, cursor pages, CSV), answered from the rows in memory
 * ({@link CapabilityListRows}) with each page's evaluation times read as it is served.
 */
@ApplicationScoped
public class CapabilityList {
    private static final List<String> SORTS = List.of("adoption", "consumers", "level", "name", "percentage");

    private final ScorecardDefinitions definitions;
    private final CapabilityListRows memory;

    @Inject
    CapabilityList(ScorecardDefinitions definitions, CapabilityListRows memory) {
        this.definitions = definitions;
        this.memory = memory;
    }

    /** One page of the list, and the query for the next page (null when none). */
    public record Page(List<ListItem> items, long totalItems, CapabilityListQuery next) {
    }

    /**
     * A capability in a list page: what the list shows of it, and its JSON as the API serves it (kept
     * rendered with the stored scores as they are; it is what Jackson writes for this record).
     */
    public record ListItem(String entityRef, String kind, String title, String owner, String level, int levelIndex,
            Map<String, Score> scorecards, int consumers, int consumingTeams, double adoptionRate, int bypasses,
            Instant evaluatedAt, Instant changedAt, String json) {
        @JsonValue
        public RawValue raw() {
            return new RawValue(json);
        }
    }

    /** One scorecard's result in a list row. */
    public record Score(String level, int levelIndex, double percentage) {
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
        Snapshot s = memory.current();
        long total = q.totalItems() != null ? q.totalItems() : s.count(filter);
        ToDoubleFunction<Row> key = key(q);
        List<Row> rows;
        if (filter.owner() != null) { // few rows: put the owner's in the requested order here
            boolean percentage = q.sort().equals("percentage");
            rows = s.candidates(filter).stream().filter(r -> !percentage || r.cards().containsKey(q.scorecard()))
                    .toList();
            rows = key == null ? rows : CapabilityListRows.sorted(rows, key);
        } else {
            rows = s.order(q.sort().equals("percentage") ? "percentage:" + q.scorecard() : q.sort());
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
        Map<String, Instant> evaluated = memory.evaluatedAt(page);
        List<ListItem> items = new ArrayList<>(page.size());
        for (Row r : page) {
            Instant at = evaluated.get(r.ref());
            items.add(new ListItem(r.ref(), r.kind(), r.title(), r.owner(), r.level(), r.levelIndex(), r.cards(),
                    r.consumers(), r.teams(), r.adoption(), r.bypasses(), at, r.changedAt(), json(r, at)));
        }
        return new Page(items, total, next);
    }

    /**
     * A capability's current scores by scorecard id (the ladder's included), or null when it has none
     * (not a capability, or not evaluated yet); from the copy in memory, as the list is.
     */
    public Map<String, Score> scores(EntityRef entity) {
        String ref = entity.toString();
        List<Row> rows = memory.current().byName();
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

    /**
     * When these capabilities were last evaluated (those never evaluated are missing): evaluation moves
     * no version, so whoever keeps what a page showed checks these again.
     */
    public Map<String, Instant> evaluatedAt(java.util.Collection<String> refs) {
        return memory.evaluatedAt(refs);
    }

    /** Every capability in the list, by ref (the copy the list itself answers from). */
    public List<Item> items() {
        return memory.current().byName().stream().map(r -> new Item(r.ref(), r.kind(), r.title(), r.owner(), r.cards()))
                .toList();
    }

    /** The kinds of the capabilities in the list, sorted (for a filter to offer only kinds that match some). */
    public List<String> kinds() {
        return memory.current().byName().stream().map(Row::kind).distinct().sorted().toList();
    }

    /**
     * Every matching capability as table lines (header first, then by name), for the CSV form of the
     * list; the api stage writes them.
     */
    public void csv(CapabilityListQuery q, Consumer<List<String>> lines) {
        check(q);
        Filter filter = filter(q);
        List<Row> rows = memory.current().candidates(filter).stream().filter(filter::test).toList();
        Map<String, Instant> evaluated = memory.evaluatedAt(rows);
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

    private static String json(Row r, Instant evaluatedAt) {
        return r.json() + (evaluatedAt == null ? "null" : "\"" + evaluatedAt + "\"") + ",\"changedAt\":\""
                + r.changedAt() + "\"}";
    }
}
