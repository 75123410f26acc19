package dev.scorecards.reviews;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.graph.TeamsConfig;
import dev.scorecards.reviews.Review.AdoptionItem;
import dev.scorecards.reviews.Review.Rung;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds platform reviews: the capabilities as stored at the period's end against those at the previous
 * period's end, for the organisation or the capabilities a team owned at the end.
 */
@ApplicationScoped
public class Reviews {
    private final Snapshots snapshots;
    private final ReviewFigures figures;
    private final ReviewCampaigns campaigns;
    private final ReviewBypasses bypasses;
    private final ScorecardDefinitions definitions;
    private final CatalogQueries catalog;
    private final double bottleneckShare;

    Reviews(Snapshots snapshots, ReviewFigures figures, ReviewCampaigns campaigns, ReviewBypasses bypasses,
            ScorecardDefinitions definitions, CatalogQueries catalog, TeamsConfig teams) {
        this.snapshots = snapshots;
        this.figures = figures;
        this.campaigns = campaigns;
        this.bypasses = bypasses;
        this.definitions = definitions;
        this.catalog = catalog;
        this.bottleneckShare = teams.bottleneckShare();
    }

    /** The organisation's review of the period that holds {@code at} (null: today, UTC). */
    public Review org(String period, String at) {
        Period p = Period.of(period, at, LocalDate.now(ZoneOffset.UTC));
        return build(p, null, "Platform review, " + p.label());
    }

    /** A team's review; a team the catalog does not know and that never owned a capability is a 404. */
    public Review team(String namespace, String name, String period, String at) {
        Period p = Period.of(period, at, LocalDate.now(ZoneOffset.UTC));
        EntityRef teamRef = new EntityRef("group", namespace, name);
        String team = teamRef.toString();
        if (catalog.byRef(teamRef) == null && !snapshots.everOwnedBy(team)) {
            throw ServiceError.notFound("No team " + team);
        }
        return build(p, team, "Platform review of " + team + ", " + p.label());
    }

    private Review build(Period period, String team, String title) {
        Period previous = period.previous();
        Map<String, Snapshot> all = snapshots.at(period.end());
        Map<String, Snapshot> before = snapshots.at(previous.end());
        Predicate<Snapshot> mine = s -> team == null || team.equals(s.owner());
        Map<String, Snapshot> now = new TreeMap<>();
        all.values().stream().filter(mine).forEach(s -> now.put(s.ref(), s));
        List<String> removed = before.values().stream().filter(mine).map(Snapshot::ref)
                .filter(r -> !all.containsKey(r)).toList();
        return new Review(team == null ? "org" : "team", team, title,
                new Review.PeriodInfo(period.kind(), period.label(), period.start().toString(),
                        period.last().toString(), previous.start().toString(), previous.last().toString()),
                capabilities(now, before, removed), adoption(now, before), timeToFirstAdopter(now),
                figures.satisfaction(now.keySet(), period), bypasses.of(now, period), ReviewFigures.support(now),
                Bottlenecks.of(all.values(), bottleneckShare), campaigns.of(now, period, team != null),
                nextSteps(now));
    }

    private Review.Capabilities capabilities(Map<String, Snapshot> now, Map<String, Snapshot> before,
            List<String> removed) {
        Map<String, Long> levels = new LinkedHashMap<>();
        Scorecard ladder = definitions.ladder();
        if (ladder != null) {
            ladder.levels().forEach(l -> levels.put(l, 0L));
        }
        levels.put("none", 0L);
        List<Rung> items = new ArrayList<>();
        int[] moved = new int[3];
        for (Snapshot s : now.values()) {
            levels.merge(s.level() == null ? "none" : s.level(), 1L, Long::sum);
            Snapshot b = before.get(s.ref());
            String change = b == null ? "new" : s.levelIndex() > b.levelIndex() ? "up"
                    : s.levelIndex() < b.levelIndex() ? "down" : "same";
            moved[0] += change.equals("up") ? 1 : 0;
            moved[1] += change.equals("down") ? 1 : 0;
            moved[2] += change.equals("new") ? 1 : 0;
            items.add(new Rung(s.ref(), s.title(), s.owner(), s.level(), s.levelIndex(), b == null ? null : b.level(),
                    change));
        }
        return new Review.Capabilities(now.size(), levels, moved[0], moved[1], moved[2], removed, items);
    }

    private static Review.Adoption adoption(Map<String, Snapshot> now, Map<String, Snapshot> before) {
        List<AdoptionItem> items = new ArrayList<>();
        long consumers = 0;
        long previous = 0;
        int growing = 0;
        int falling = 0;
        for (Snapshot s : now.values()) {
            Snapshot b = before.get(s.ref());
            consumers += s.consumers();
            previous += b == null ? 0 : b.consumers();
            String trend = b == null ? "new" : s.consumers() > b.consumers() ? "up"
                    : s.consumers() < b.consumers() ? "down" : "flat";
            growing += trend.equals("up") ? 1 : 0;
            falling += trend.equals("down") ? 1 : 0;
            items.add(new AdoptionItem(s.ref(), s.consumers(), b == null ? null : b.consumers(),
                    s.consumingTeams().size(), ReviewFigures.round(s.adoptionRate(), 10_000),
                    b == null ? null : ReviewFigures.round(b.adoptionRate(), 10_000), trend));
        }
        List<Double> rates = now.values().stream().map(Snapshot::adoptionRate).sorted().toList();
        List<Double> was = now.keySet().stream().filter(before::containsKey).map(r -> before.get(r).adoptionRate())
                .sorted().toList();
        return new Review.Adoption(consumers, previous, ReviewFigures.percentile(rates, 0.5),
                ReviewFigures.percentile(was, 0.5), growing, falling, items);
    }

    private static Review.TimeToFirstAdopter timeToFirstAdopter(Map<String, Snapshot> now) {
        List<Double> days = now.values().stream().map(Snapshot::daysToFirstAdopter)
                .filter(java.util.Objects::nonNull).sorted().toList();
        return new Review.TimeToFirstAdopter(ReviewFigures.percentile(days, 0.5), ReviewFigures.percentile(days, 0.9),
                days.size(), now.size() - days.size());
    }

    /** The three checks the most capabilities' next rung waits on (then those waiting on it alone, then by id). */
    private List<Review.Step> nextSteps(Map<String, Snapshot> now) {
        Map<String, List<String>> waiting = new TreeMap<>();
        Map<String, Integer> alone = new TreeMap<>();
        for (Snapshot s : now.values()) {
            for (String check : s.blocking()) {
                waiting.computeIfAbsent(check, k -> new ArrayList<>()).add(s.ref());
                alone.merge(check, s.blocking().size() == 1 ? 1 : 0, Integer::sum);
            }
        }
        return waiting.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> -e.getValue().size())
                        .thenComparingInt(e -> -alone.get(e.getKey())).thenComparing(Map.Entry::getKey))
                .limit(3).map(e -> {
                    Check c = definitions.check(e.getKey());
                    return new Review.Step(e.getKey(), c == null ? e.getKey() : c.name(), e.getValue().size(),
                            alone.get(e.getKey()), c == null ? "" : c.remediation(), c == null ? null : c.link(),
                            e.getValue());
                }).toList();
    }
}
