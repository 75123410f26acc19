package dev.scorecards.web;

import dev.scorecards.badges.Badges;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.facts.pushed.Feedback;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityListQuery;
import dev.scorecards.scoring.query.CapabilityQueries;
import dev.scorecards.scoring.query.OrganisationSummary;
import dev.scorecards.scoring.query.Signals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The home page's content: the organisation summary and one page of the capability list, with badges and trends. */
@ApplicationScoped
public class Home {
    /** The sorts the menu offers, in its order, with their labels. */
    static final List<Map.Entry<String, String>> SORTS = List.of(Map.entry("name", "name"),
            Map.entry("-level", "highest level first"), Map.entry("level", "lowest level first"),
            Map.entry("-consumers", "most consumers first"), Map.entry("-adoption", "highest adoption first"));

    private final Signals signals;
    private final CapabilityList list;
    private final ScorecardDefinitions definitions;
    private final TeamInteractions teams;
    private final Trends trends;
    private final Badges badges;
    private final WebConfig config;

    @Inject
    Home(Signals signals, CapabilityList list, ScorecardDefinitions definitions, TeamInteractions teams, Trends trends,
            Badges badges, WebConfig config) {
        this.signals = signals;
        this.list = list;
        this.definitions = definitions;
        this.teams = teams;
        this.trends = trends;
        this.badges = badges;
        this.config = config;
    }

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
            String first, String csv, List<String> refs, Map<String, Instant> evaluatedAt) {
    }

    /** The page for a list query (the first page's, or one decoded from a cursor); {@code number} counts from 1. */
    public Page page(CapabilityListQuery query, int number) {
        String sort = (query.descending() ? "-" : "") + query.sort();
        CapabilityList.Page page = list.list(query, config.pageSize());
        List<String> refs = page.items().stream().map(CapabilityList.ListItem::entityRef).toList();
        Map<String, List<CapabilityQueries.Point>> histories = trends.histories(refs);
        List<Row> rows = new ArrayList<>();
        Map<String, Instant> evaluated = new HashMap<>();
        for (CapabilityList.ListItem item : page.items()) {
            rows.add(row(item, histories.getOrDefault(item.entityRef(), List.of()), "-" + rows.size()));
            if (item.evaluatedAt() != null) {
                evaluated.put(item.entityRef(), item.evaluatedAt());
            }
        }
        long from = page.items().isEmpty() ? 0 : (long) (number - 1) * config.pageSize() + 1;
        String next = page.next() == null ? null
                : "/?cursor=" + ListCursor.encode(page.next()) + "&page=" + (number + 1);
        return new Page(summary(), filters(query, sort), rows, page.totalItems(), from, from + rows.size() - 1, next,
                "/?" + parameters(query, sort), "/api/scorecards/capabilities?format=csv&" + parameters(query, sort), refs, evaluated);
    }

    /** A row; {@code idSuffix} keeps its inline badges' element ids apart from the other rows'. */
    private Row row(CapabilityList.ListItem item, List<CapabilityQueries.Point> history, String idSuffix) {
        String ref = item.entityRef();
        EntityRef r = EntityRef.parse(ref);
        Trends.Trend trend = trends.level(history, item.evaluatedAt());
        return new Row(ref, item.title() == null ? r.name() : item.title(), item.owner() == null ? "" : item.owner(),
                item.level() == null ? "none" : item.level(), item.levelIndex(), CapabilityPage.url(r),
                badges.shown(r, idSuffix), trend, item.consumers(), item.consumingTeams(),
                percent(item.adoptionRate()));
    }

    Summary summary() {
        OrganisationSummary s = signals.summary();
        long total = s.capabilities();
        List<Bar> levels = new ArrayList<>();
        s.levels().forEach((level, n) -> levels.add(bar(level, n, total)));
        List<Bar> adoption = new ArrayList<>();
        for (OrganisationSummary.Bucket b : s.adoptionRate().buckets()) {
            String label = b.to() == 0 ? "0%" : b.from() == 0 ? "> 0–" + percent(b.to())
                    : percent(b.from()) + "–" + percent(b.to());
            adoption.add(bar(label, b.count(), total));
        }
        Double median = s.adoptionRate().median();
        Signals.TimeToFirstAdopter.Figures t = s.timeToFirstAdopter();
        String firstAdopter = t.n() == 0
                ? "not measured yet (" + t.notReported() + " capabilities arrived with their consumers or have none)"
                : "median " + days(t.medianDays()) + ", p90 " + days(t.p90Days()) + " (n = " + t.n() + ", "
                        + t.notReported() + " not reported)";
        Feedback.Overall sat = s.satisfaction();
        String satisfaction = sat.n() == 0 ? "no ratings yet"
                : "CSAT " + number(sat.csat()) + "% · mean " + number(sat.mean()) + " of 5 · n = " + sat.n();
        OrganisationSummary.Bypasses by = s.bypasses();
        String bypasses = by.count() + " on " + by.capabilities() + " capabilit" + (by.capabilities() == 1 ? "y" : "ies")
                + " · bypass ratio " + percent(by.ratio());
        Map<String, String> titles = new HashMap<>();
        teams.compute().teams().forEach(team -> titles.put(team.ref(), team.title()));
        List<TeamLink> bottlenecks = new ArrayList<>();
        for (String b : s.bottlenecks()) {
            bottlenecks.add(new TeamLink(b, titles.getOrDefault(b, b)));
        }
        return new Summary(total, levels, adoption, median == null ? "–" : percent(median), firstAdopter, satisfaction,
                bypasses, bottlenecks);
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

    private static Bar bar(String label, long count, long total) {
        return new Bar(label, count, total == 0 ? 0 : (int) Math.round(count * 100.0 / total));
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String days(Double d) {
        return d == null ? "–" : number(d) + " days";
    }
}
