package dev.scorecards.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.scorecards.badges.Badges;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityListQuery;
import dev.scorecards.scoring.query.Signals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The home page's content: the organisation summary and one page of the capability list, with badges and trends. */
@ApplicationScoped
public class Home {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sorts the menu offers, in its order, with their labels. */
    static final List<Map.Entry<String, String>> SORTS = List.of(Map.entry("name", "name"),
            Map.entry("-level", "highest level first"), Map.entry("level", "lowest level first"),
            Map.entry("-consumers", "most consumers first"), Map.entry("-adoption", "highest adoption first"));

    @Inject
    Signals signals;
    @Inject
    CapabilityList list;
    @Inject
    ScorecardDefinitions definitions;
    @Inject
    TeamInteractions teams;
    @Inject
    Trends trends;
    @Inject
    Badges badges;
    @Inject
    WebConfig config;

    /** A labelled count with its share of the whole, for a bar. */
    public record Bar(String label, long count, int percent) {
    }

    public record TeamLink(String ref, String title) {
    }

    public record Summary(long capabilities, List<Bar> levels, List<Bar> adoption, String adoptionMedian,
            String firstAdopter, String satisfaction, String bypasses, List<TeamLink> bottlenecks) {
    }

    /** One capability in the list. */
    public record Row(String ref, String title, String owner, String level, int levelIndex, String url,
            List<Badges.Shown> badges,
            Trends.Trend trend, int consumers, int consumingTeams, String adoption) {
    }

    /** A choice in a filter or sort menu. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The list's filters as the form shows them. */
    public record Filters(String q, String owner, List<Option> kinds, List<Option> levels, List<Option> sorts,
            boolean any) {
    }

    /**
     * Rows {@code from}..{@code to} of {@code total}; {@code next} is the next page's address (or null),
     * {@code first} the first page's with the same filters, {@code csv} the whole filtered list as CSV.
     */
    public record Page(Summary summary, Filters filters, List<Row> rows, long total, long from, long to, String next,
            String first, String csv) {
    }

    /** The page for a list query (the first page's, or one decoded from a cursor); {@code number} counts from 1. */
    public Page page(CapabilityListQuery query, int number) {
        String sort = (query.descending() ? "-" : "") + query.sort();
        CapabilityList.Page page = list.list(query, config.pageSize());
        List<JsonNode> items = page.items().stream().map(Home::parse).toList();
        Map<String, List<JsonNode>> histories =
                trends.histories(items.stream().map(i -> i.path("entityRef").asText()).toList());
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : items) {
            rows.add(row(item, histories.getOrDefault(item.path("entityRef").asText(), List.of()), "-" + rows.size()));
        }
        long from = page.items().isEmpty() ? 0 : (long) (number - 1) * config.pageSize() + 1;
        String next = page.next() == null ? null
                : "/?cursor=" + ListCursor.encode(page.next()) + "&page=" + (number + 1);
        return new Page(summary(), filters(query, sort), rows, page.totalItems(), from, from + rows.size() - 1, next,
                "/?" + parameters(query, sort), "/api/scorecards/capabilities?format=csv&" + parameters(query, sort));
    }

    /** A row; {@code idSuffix} keeps its inline badges' element ids apart from the other rows'. */
    private Row row(JsonNode item, List<JsonNode> history, String idSuffix) {
        String ref = item.path("entityRef").asText();
        EntityRef r = EntityRef.parse(ref);
        String evaluated = item.path("evaluatedAt").asText(null);
        Trends.Trend trend = trends.level(history, evaluated == null ? null : Instant.parse(evaluated));
        return new Row(ref, item.path("title").asText(r.name()), item.path("owner").asText(""),
                item.path("level").isTextual() ? item.path("level").asText() : "none", item.path("levelIndex").asInt(-1),
                CapabilityPage.url(r),
                badges.shown(ref, idSuffix), trend, item.path("consumers").asInt(), item.path("consumingTeams").asInt(),
                percent(item.path("adoptionRate").asDouble()));
    }

    Summary summary() {
        JsonNode s = signals.summary();
        long total = s.path("capabilities").asLong();
        List<Bar> levels = new ArrayList<>();
        s.path("levels").fields().forEachRemaining(e -> levels.add(bar(e.getKey(), e.getValue().asLong(), total)));
        List<Bar> adoption = new ArrayList<>();
        for (JsonNode b : s.path("adoptionRate").path("buckets")) {
            double from = b.path("from").asDouble();
            double to = b.path("to").asDouble();
            String label = to == 0 ? "0%" : from == 0 ? "> 0–" + percent(to) : percent(from) + "–" + percent(to);
            adoption.add(bar(label, b.path("count").asLong(), total));
        }
        JsonNode median = s.path("adoptionRate").path("median");
        JsonNode t = s.path("timeToFirstAdopter");
        String firstAdopter = t.path("n").asLong() == 0
                ? "not measured yet (" + t.path("notReported").asLong() + " capabilities arrived with their consumers"
                        + " or have none)"
                : "median " + days(t.path("medianDays")) + ", p90 " + days(t.path("p90Days")) + " (n = "
                        + t.path("n").asLong() + ", " + t.path("notReported").asLong() + " not reported)";
        JsonNode sat = s.path("satisfaction");
        String satisfaction = sat.path("n").asLong() == 0 ? "no ratings yet"
                : "CSAT " + number(sat.path("csat").asDouble()) + "% · mean " + number(sat.path("mean").asDouble())
                        + " of 5 · n = " + sat.path("n").asLong();
        JsonNode by = s.path("bypasses");
        String bypasses = by.path("count").asLong() + " on " + by.path("capabilities").asLong() + " capabilit"
                + (by.path("capabilities").asLong() == 1 ? "y" : "ies") + " · bypass ratio "
                + percent(by.path("ratio").asDouble());
        Map<String, String> titles = new HashMap<>();
        teams.compute().teams().forEach(team -> titles.put(team.ref(), team.title()));
        List<TeamLink> bottlenecks = new ArrayList<>();
        for (JsonNode b : s.path("bottlenecks")) {
            bottlenecks.add(new TeamLink(b.asText(), titles.getOrDefault(b.asText(), b.asText())));
        }
        return new Summary(total, levels, adoption, median.isNumber() ? percent(median.asDouble()) : "–",
                firstAdopter, satisfaction, bypasses, bottlenecks);
    }

    private Filters filters(CapabilityListQuery q, String sort) {
        List<Option> kinds = new ArrayList<>(List.of(new Option("", "any kind", q.kind() == null)));
        list.kinds().forEach(k -> kinds.add(new Option(k, k, k.equalsIgnoreCase(q.kind()))));
        List<Option> levels = new ArrayList<>(List.of(new Option("", "any level", q.level() == null)));
        Scorecard ladder = definitions.ladder();
        List<String> names = new ArrayList<>(ladder == null ? List.of() : ladder.levels());
        names.add("none");
        names.forEach(l -> levels.add(new Option(l, l, l.equalsIgnoreCase(q.level()))));
        List<Option> sorts = new ArrayList<>();
        SORTS.forEach(s -> sorts.add(new Option(s.getKey(), s.getValue(), s.getKey().equals(sort))));
        return new Filters(q.q() == null ? "" : q.q(), q.owner() == null ? "" : q.owner(), kinds, levels, sorts,
                q.q() != null || q.owner() != null || q.kind() != null || q.level() != null);
    }

    /** The list's filters and sort as query parameters (for its first page, and its CSV). */
    private static String parameters(CapabilityListQuery q, String sort) {
        StringBuilder url = new StringBuilder("sort=").append(encode(sort));
        String[][] params = {{"q", q.q()}, {"owner", q.owner()}, {"kind", q.kind()}, {"level", q.level()}};
        for (String[] p : params) {
            if (p[1] != null) {
                url.append('&').append(p[0]).append('=').append(encode(p[1]));
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode parse(RawValue item) {
        try {
            return JSON.readTree(String.valueOf(item.rawValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Bar bar(String label, long count, long total) {
        return new Bar(label, count, total == 0 ? 0 : (int) Math.round(count * 100.0 / total));
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String days(JsonNode d) {
        return d.isNumber() ? number(d.asDouble()) + " days" : "–";
    }
}
