package dev.scorecards.scoring.query;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.Capabilities;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views that gather capabilities: per team (what it produces and what it consumes), and per System
 * or Domain (the capabilities inside it, with their levels and average scores).
 */
@ApplicationScoped
public class Rollups {
    /** A team with how many capabilities it produces and consumes (one item of the team list). */
    public record TeamCounts(String teamRef, String title, int members, int produces, int consumes) {
    }

    /** One team: its members, the capabilities it produces and those it consumes. */
    public record Team(String teamRef, String title, List<String> members, List<Produced> produces,
            List<Consumed> consumes) {
    }

    /** A capability a team produces, with its level and its stored scores by scorecard. */
    public record Produced(String entityRef, String owner, String level, int levelIndex,
            Map<String, CapabilityList.Score> scorecards) {
    }

    /** A capability a team consumes, and {@code via} the team's components that consume it. */
    public record Consumed(String entityRef, String owner, String level, int levelIndex,
            Map<String, CapabilityList.Score> scorecards,
            List<String> via) {
    }

    /** The capabilities inside a System or Domain: levels, the lowest, and average percentages by scorecard. */
    public record Rollup(String entityRef, List<Member> capabilities, int count, String lowestLevel,
            Map<String, Integer> levels, Map<String, Double> averagePercentage) {
    }

    /** A capability inside a System or Domain, with its level and its stored scores by scorecard. */
    public record Member(String entityRef, String level, int levelIndex, Map<String, CapabilityList.Score> scorecards) {
    }

    private final Capabilities capabilities;
    private final CapabilityQueries queries;
    private final ScorecardDefinitions definitions;

    @Inject
    Rollups(Capabilities capabilities, CapabilityQueries queries, ScorecardDefinitions definitions) {
        this.capabilities = capabilities;
        this.queries = queries;
        this.definitions = definitions;
    }

    /** Every team with how many capabilities it produces and consumes. */
    public List<TeamCounts> teams() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        // an owner counts for its team, or a user for every team it is a member of (as team(ref) lists them)
        Map<String, Set<String>> ownerTeams = new HashMap<>();
        List<Capabilities.Team> teams = capabilities.teams();
        for (Capabilities.Team t : teams) {
            counts.put(t.ref(), new int[2]);
            ownerTeams.computeIfAbsent(t.ref(), k -> new HashSet<>()).add(t.ref());
            t.members().forEach(m -> ownerTeams.computeIfAbsent(m, k -> new HashSet<>()).add(t.ref()));
        }
        queries.query("select owner_ref, consuming_teams from scoring_capability where removed_at is null", List.of(),
                rs -> {
                    for (String team : ownerTeams.getOrDefault(rs.getString(1), Set.of())) {
                        counts.get(team)[0]++;
                    }
                    for (String consumer : (String[]) rs.getArray(2).getArray()) {
                        int[] c = counts.get(consumer);
                        if (c != null) {
                            c[1]++;
                        }
                    }
                });
        List<TeamCounts> out = new ArrayList<>();
        for (Capabilities.Team t : teams) {
            out.add(new TeamCounts(t.ref(), t.title(), t.members().size(), counts.get(t.ref())[0],
                    counts.get(t.ref())[1]));
        }
        return out;
    }

    /** One team: the capabilities it produces (with scores) and those it consumes (with the components that do). */
    public Team team(EntityRef teamRef) {
        String ref = teamRef.toString();
        Capabilities.Team team = capabilities.teams().stream().filter(t -> t.ref().equals(ref)).findFirst()
                .orElseThrow(() -> ServiceError.notFound("No team " + ref));
        Set<String> owners = new HashSet<>(team.members());
        owners.add(ref);
        List<Produced> produces = new ArrayList<>();
        List<Consumed> consumes = new ArrayList<>();
        queries.query("select c.entity_ref, c.owner_ref, d.consumers::text, c.level, c.level_index, c.scores::text"
                + " from scoring_capability c join scoring_detail d on d.entity_ref = c.entity_ref where c.removed_at"
                + " is null and (c.owner_ref = any(?) or c.consuming_teams @> ?) order by c.entity_ref", List.of(owners.toArray(new String[0]), new String[] {ref}), rs -> {
                    Map<String, CapabilityList.Score> scorecards = CapabilityQueries.scores(rs.getString(6));
                    if (owners.contains(rs.getString(2))) {
                        produces.add(new Produced(rs.getString(1), rs.getString(2), rs.getString(4), rs.getInt(5),
                                scorecards));
                    } else {
                        List<String> via = new ArrayList<>();
                        for (CapabilityDetail.Consumer c : CapabilityQueries.consumers(rs.getString(3))) {
                            for (String t : c.teams()) {
                                if (t.equals(ref)) {
                                    via.add(c.ref());
                                }
                            }
                        }
                        consumes.add(new Consumed(rs.getString(1), rs.getString(2), rs.getString(4), rs.getInt(5),
                                scorecards, via));
                    }
                });
        return new Team(ref, team.title(), team.members(), produces, consumes);
    }

    /** The capabilities inside a System or Domain (itself included when it is one), summarised. */
    public Rollup rollup(EntityRef entity, String kind) {
        String ref = entity.toString();
        if (!kind.equals(capabilities.kindOf(ref))) {
            throw ServiceError.notFound("No " + kind + " " + ref);
        }
        List<String> inside = new ArrayList<>();
        for (String part : capabilities.parts(ref)) {
            if (capabilities.isCapability(part)) {
                inside.add(part);
            }
        }
        List<Member> items = new ArrayList<>();
        Map<String, Integer> levels = new LinkedHashMap<>();
        Scorecard ladder = definitions.ladder();
        if (ladder != null) {
            ladder.levels().forEach(l -> levels.put(l, 0));
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        int[] lowest = {Integer.MAX_VALUE};
        String[] lowestLevel = {null};
        queries.query("select entity_ref, level, level_index, scores::text from scoring_capability where removed_at"
                + " is null and entity_ref = any(?) order by entity_ref", List.<Object>of((Object) inside.toArray(new String[0])), rs -> {
                    Map<String, CapabilityList.Score> scores = CapabilityQueries.scores(rs.getString(4));
                    items.add(new Member(rs.getString(1), rs.getString(2), rs.getInt(3), scores));
                    scores.forEach((id, score) -> {
                        double[] s = sums.computeIfAbsent(id, k -> new double[2]);
                        s[0] += score.percentage();
                        s[1]++;
                    });
                    String level = rs.getString(2);
                    levels.merge(level == null ? "none" : level, 1, Integer::sum);
                    if (rs.getInt(3) < lowest[0]) {
                        lowest[0] = rs.getInt(3);
                        lowestLevel[0] = level;
                    }
                });
        Map<String, Double> averages = new LinkedHashMap<>();
        sums.forEach((k, s) -> averages.put(k, Math.round(s[0] / s[1] * 10) / 10.0));
        return new Rollup(ref, items, items.size(), items.isEmpty() ? null : lowestLevel[0], levels, averages);
    }
}
