package dev.scorecards.reviews;

import dev.scorecards.facts.CapabilityFacts;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.results.Evaluated;
import dev.scorecards.scoring.results.NextStep;
import dev.scorecards.scoring.results.ResultChangeHook;
import dev.scorecards.scoring.results.ScorecardResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records a {@code review_snapshot} row with every change of a capability's result, on the storing
 * transaction (scoring's {@link ResultChangeHook}), at the same instant as scoring's history row.
 */
@ApplicationScoped
public class SnapshotRecorder implements ResultChangeHook {
    /** Check states that let a rung hold, as for levels. */
    static final Set<String> HELD = Set.of("PASS", "EXEMPT", "NOT_APPLICABLE");

    private final ScorecardDefinitions definitions;

    @Inject
    SnapshotRecorder(ScorecardDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void changing(Connection c, List<Change> changes, Instant now) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into review_snapshot (entity_ref, at, title, owner_ref,"
                + " level, level_index, consumer_count, adoption_rate, consuming_teams, bypass_count, bypassing_teams,"
                + " days_to_first_adopter, next_steps, support_load, support_load_per_team)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Change change : changes) {
                Evaluated e = change.result();
                CapabilityFacts capability = e.capability();
                ps.setString(1, change.ref());
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, change.title());
                ps.setString(4, change.owner());
                ps.setString(5, e.ladder().level());
                ps.setInt(6, e.ladder().levelIndex());
                ps.setInt(7, (int) capability.consumerCount());
                ps.setDouble(8, capability.facts().adoptionRate());
                ps.setArray(9, c.createArrayOf("text", capability.consumingTeams().toArray()));
                ps.setInt(10, capability.bypasses().size());
                ps.setArray(11, c.createArrayOf("text", capability.bypassingTeams().toArray()));
                number(ps, 12, e.firstAdopter().days());
                ps.setArray(13, c.createArrayOf("text", blocking(e.scorecards()).toArray()));
                number(ps, 14, e.facts().get("supportLoad"));
                number(ps, 15, e.facts().get("supportLoadPerTeam"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void number(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Number n) {
            ps.setDouble(index, n.doubleValue());
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }

    /**
     * The checks not held that the ladder's next rung needs: each next step of the ladder, or the checks
     * it requires ({@code scorecard.*} for all of a scorecard's), in the definitions' order.
     */
    List<String> blocking(List<ScorecardResult> scorecards) {
        Scorecard ladder = definitions.ladder();
        if (ladder == null) {
            return List.of();
        }
        Map<String, String> states = new HashMap<>();
        List<NextStep> steps = null;
        for (ScorecardResult card : scorecards) {
            card.checks().forEach(ch -> states.put(ch.id(), ch.state().name()));
            if (card.id().equals(ladder.id())) {
                steps = card.nextSteps();
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (NextStep step : steps == null ? List.<NextStep>of() : steps) {
            Check check = definitions.check(step.checkId());
            if (check == null || check.requires().isEmpty()) {
                out.add(step.checkId());
                continue;
            }
            for (String required : check.requires()) {
                for (String id : expand(required)) {
                    if (!HELD.contains(states.getOrDefault(id, "NOT_REPORTED"))) {
                        out.add(id);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private List<String> expand(String required) {
        if (!required.endsWith(".*")) {
            return List.of(required);
        }
        Scorecard card = definitions.get(required.substring(0, required.length() - 2));
        return card == null ? List.of() : card.checks().stream().map(Check::id).toList();
    }
}
