package dev.scorecards.scoring.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.facts.BypassReasons;
import dev.scorecards.facts.CapabilityFacts;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.facts.pushed.Feedback;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.results.ResultStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product signals across capabilities: time to first adopter, bypasses, and the organisation
 * summary (levels, adoption, satisfaction, bypasses, bottleneck teams), the latter kept until a
 * result or the team graph changes.
 */
@ApplicationScoped
public class Signals {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CapabilityFacts.Bypass>> BYPASS_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };
    private static final double[] ADOPTION_BUCKETS = {0.0, 0.1, 0.25, 0.5, 1.0};

    private final CapabilityQueries queries;
    private final ResultStore store;
    private final TeamInteractions teams;
    private final Feedback feedback;
    private final ScorecardDefinitions definitions;
    private final BypassReasons bypassReasons;

    @Inject
    Signals(CapabilityQueries queries, ResultStore store, TeamInteractions teams, Feedback feedback,
            ScorecardDefinitions definitions, BypassReasons bypassReasons) {
        this.queries = queries;
        this.store = store;
        this.teams = teams;
        this.feedback = feedback;
        this.definitions = definitions;
        this.bypassReasons = bypassReasons;
    }

    private volatile Kept summary;

    /** The days from a capability's first appearance to its first consumer: figures, and one item per capability. */
    public record TimeToFirstAdopter(Double medianDays, Double p90Days, long n, long notReported, List<Item> items) {
        /** The median and p90 over the capabilities where it was observed; how many were, and were not. */
        public record Figures(Double medianDays, Double p90Days, long n, long notReported) {
        }

        /** One capability: when it appeared, when its first consumer did, the days between, or why not. */
        public record Item(String entityRef, String firstSeenAt, String firstConsumerAt, Double days, String reason) {
        }
    }

    /** Every capability that someone goes around, with the organisation's totals. */
    public record Bypasses(int capabilities, long bypassCount, double bypassRatio, List<Item> items) {
        /** One capability: how many go around it, which teams, and how. */
        public record Item(String entityRef, int bypassCount, int bypassingTeams, int teamsInvolved, double bypassRatio,
                List<CapabilityFacts.Bypass> bypasses, List<String> bypassingTeamRefs) {
        }
    }

    /** Per capability, and the median and p90 over the capabilities where it was observed. */
    public TimeToFirstAdopter timeToFirstAdopter() {
        TimeToFirstAdopter.Figures f = timeToFirstAdopterFigures();
        List<TimeToFirstAdopter.Item> items = new ArrayList<>();
        queries.query("select c.entity_ref, c.first_seen_at, c.first_consumer_at, c.days_to_first_adopter,"
                + " d.result -> 'adoption' -> 'timeToFirstAdopter' ->> 'reason' from scoring_capability c"
                + " join scoring_detail d on d.entity_ref = c.entity_ref where c.removed_at is null"
                + " order by c.entity_ref", List.of(), rs -> {
                    Timestamp consumer = rs.getTimestamp(3);
                    double d = rs.getDouble(4);
                    Double days = rs.wasNull() ? null : d;
                    items.add(new TimeToFirstAdopter.Item(rs.getString(1), rs.getTimestamp(2).toInstant().toString(),
                            consumer == null ? null : consumer.toInstant().toString(), days, rs.getString(5)));
                });
        return new TimeToFirstAdopter(f.medianDays(), f.p90Days(), f.n(), f.notReported(), items);
    }

    private TimeToFirstAdopter.Figures timeToFirstAdopterFigures() {
        TimeToFirstAdopter.Figures[] out = new TimeToFirstAdopter.Figures[1];
        queries.query("select percentile_cont(0.5) within group (order by days_to_first_adopter),"
                + " percentile_cont(0.9) within group (order by days_to_first_adopter), count(days_to_first_adopter),"
                + " count(*) filter (where days_to_first_adopter is null) from scoring_capability"
                + " where removed_at is null", List.of(), rs -> out[0] = new TimeToFirstAdopter.Figures(
                        rounded(rs.getObject(1)), rounded(rs.getObject(2)), rs.getLong(3), rs.getLong(4)));
        return out[0];
    }

    /** Every capability that someone goes around, with who and how. */
    public Bypasses bypasses() {
        List<Bypasses.Item> items = new ArrayList<>();
        long[] totals = new long[1];
        queries.query("select c.entity_ref, c.bypass_count, c.bypassing_team_count, c.involved_team_count,"
                + " (d.result -> 'adoption' ->> 'bypassRatio')::double precision,"
                + " (d.result -> 'adoption' -> 'bypasses')::text, (d.result -> 'adoption' -> 'bypassingTeams')::text"
                + " from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref"
                + " where c.removed_at is null and c.bypass_count > 0 order by c.entity_ref", List.of(), rs -> {
                    try {
                        items.add(new Bypasses.Item(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                                rs.getDouble(5), JSON.readValue(rs.getString(6), BYPASS_LIST),
                                JSON.readValue(rs.getString(7), STRING_LIST)));
                    } catch (java.io.IOException e) {
                        throw new java.sql.SQLException(e);
                    }
                    totals[0] += rs.getInt(2);
                });
        return new Bypasses(items.size(), totals[0], orgBypassRatio(), items);
    }

    private double orgBypassRatio() {
        double[] r = new double[1];
        queries.query("select coalesce(sum(bypassing_team_count), 0), coalesce(sum(involved_team_count), 0)"
                + " from scoring_capability where removed_at is null", List.of(),
                rs -> r[0] = rs.getLong(2) == 0 ? 0.0 : Math.round(rs.getLong(1) * 10_000.0 / rs.getLong(2)) / 10_000.0);
        return r[0];
    }

    /**
     * What the summary depends on, as one key: the results' version (in the database, so that a change made
     * by another replica is seen too), the team graph's and the bypass answers'. Equal keys, equal summaries.
     */
    private String version() {
        return store.version() + ":" + teams.compute().version() + ":" + bypassReasons.version();
    }

    /**
     * The organisation at a glance; recomputed only after results, the team graph or the bypass answers
     * changed (the same instance is returned until then, so that callers may keep what they made of it).
     */
    public OrganisationSummary summary() {
        String key = version();
        Kept kept = summary;
        if (kept != null && key.equals(kept.key())) {
            return kept.summary();
        }
        OrganisationSummary out = compute();
        summary = new Kept(key, out);
        return out;
    }

    private record Kept(String key, OrganisationSummary summary) {
    }

    private OrganisationSummary compute() {
        TeamInteractions.Result graph = teams.compute();
        Map<String, Long> levels = new LinkedHashMap<>();
        Scorecard ladder = definitions.ladder();
        if (ladder != null) {
            ladder.levels().forEach(l -> levels.put(l, 0L));
        }
        levels.put("none", 0L);
        long[] total = new long[1];
        queries.query("select coalesce(level, 'none'), count(*) from scoring_capability where removed_at is null"
                + " group by 1", List.of(), rs -> {
                    levels.put(rs.getString(1), rs.getLong(2));
                    total[0] += rs.getLong(2);
                });
        List<OrganisationSummary.Bucket> buckets = new ArrayList<>();
        Double[] median = new Double[1];
        StringBuilder sql = new StringBuilder("select count(*) filter (where adoption_rate = 0)");
        for (int i = 1; i < ADOPTION_BUCKETS.length; i++) {
            sql.append(", count(*) filter (where adoption_rate > ").append(ADOPTION_BUCKETS[i - 1])
                    .append(" and adoption_rate <= ").append(ADOPTION_BUCKETS[i]).append(")");
        }
        sql.append(", percentile_cont(0.5) within group (order by adoption_rate) from scoring_capability"
                + " where removed_at is null");
        queries.query(sql.toString(), List.of(), rs -> {
            buckets.add(new OrganisationSummary.Bucket(0.0, 0.0, rs.getLong(1)));
            for (int i = 1; i < ADOPTION_BUCKETS.length; i++) {
                buckets.add(new OrganisationSummary.Bucket(ADOPTION_BUCKETS[i - 1], ADOPTION_BUCKETS[i],
                        rs.getLong(i + 1)));
            }
            median[0] = rounded(rs.getObject(ADOPTION_BUCKETS.length + 1));
        });
        long[] bypassCounts = new long[2];
        queries.query("select coalesce(sum(bypass_count), 0), count(*) filter (where bypass_count > 0)"
                + " from scoring_capability where removed_at is null", List.of(), rs -> {
                    bypassCounts[0] = rs.getLong(1);
                    bypassCounts[1] = rs.getLong(2);
                });
        Map<String, List<CapabilityFacts.Bypass>> bypassed = new LinkedHashMap<>();
        bypasses().items().forEach(i -> bypassed.put(i.entityRef(), i.bypasses()));
        BypassReasons.Tally tally = bypassReasons.tally(bypassed);
        OrganisationSummary.Bypasses bypasses = new OrganisationSummary.Bypasses(bypassCounts[0], bypassCounts[1],
                orgBypassRatio(), tally.answered(), tally.reasons(), tally.open());
        return new OrganisationSummary(total[0], levels, new OrganisationSummary.Adoption(buckets, median[0]),
                timeToFirstAdopterFigures(), feedback.overall(), bypasses,
                new OrganisationSummary.OperationalEfficiency(figure("supportLoadPerTeam"), figure("coordinationCost")),
                graph.bottlenecks(), Instant.now().toString());
    }

    /**
     * A fact's support load per consuming team (over the capabilities that report it) or coordination
     * cost of a change: median and maximum, and the three capabilities highest on it.
     */
    private OrganisationSummary.Figure figure(String fact) {
        String from = " from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref"
                + " where c.removed_at is null";
        String value = "(d.result -> 'facts' ->> '" + fact + "')::double precision";
        OrganisationSummary.Figure[] out = new OrganisationSummary.Figure[1];
        List<OrganisationSummary.Highest> highest = new ArrayList<>();
        queries.query("select count(" + value + "), percentile_cont(0.5) within group (order by " + value + "), max("
                + value + ")" + from, List.of(), rs -> out[0] = new OrganisationSummary.Figure(rs.getLong(1),
                        rounded(rs.getObject(2)), rounded(rs.getObject(3)), highest));
        queries.query("select c.entity_ref, " + value + from + " and " + value + " > 0 order by 2 desc, 1 limit 3",
                List.of(), rs -> highest.add(new OrganisationSummary.Highest(rs.getString(1), rs.getDouble(2))));
        return out[0];
    }

    /** A figure rounded to four decimals, or null when there is none. */
    private static Double rounded(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10_000) / 10_000.0;
    }
}
