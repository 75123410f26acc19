package dev.scorecards.reviews;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.results.ResultChangeHook;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
                JsonNode doc = change.after();
                JsonNode adoption = doc.path("adoption");
                ps.setString(1, change.ref());
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, change.title());
                ps.setString(4, change.owner());
                ps.setString(5, doc.path("level").isTextual() ? doc.path("level").asText() : null);
                ps.setInt(6, doc.path("levelIndex").asInt(-1));
                ps.setInt(7, adoption.path("consumers").asInt());
                ps.setDouble(8, adoption.path("rate").asDouble());
                ps.setArray(9, c.createArrayOf("text", strings(adoption.path("consumingTeams")).toArray()));
                ps.setInt(10, adoption.path("bypasses").size());
                ps.setArray(11, c.createArrayOf("text", strings(adoption.path("bypassingTeams")).toArray()));
                number(ps, 12, adoption.path("timeToFirstAdopter").path("days"));
                ps.setArray(13, c.createArrayOf("text", blocking(doc).toArray()));
                number(ps, 14, doc.path("facts").path("supportLoad"));
                number(ps, 15, doc.path("facts").path("supportLoadPerTeam"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void number(PreparedStatement ps, int index, JsonNode value) throws SQLException {
        if (value.isNumber()) {
            ps.setDouble(index, value.asDouble());
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The checks not held that the ladder's next rung needs: each next step of the ladder, or the checks
     * it requires ({@code scorecard.*} for all of a scorecard's), in the definitions' order.
     */
    List<String> blocking(JsonNode doc) {
        Scorecard ladder = definitions.ladder();
        if (ladder == null) {
            return List.of();
        }
        Map<String, String> states = new HashMap<>();
        JsonNode steps = null;
        for (JsonNode card : doc.path("scorecards")) {
            card.path("checks").forEach(ch -> states.put(ch.path("id").asText(), ch.path("state").asText()));
            if (card.path("id").asText().equals(ladder.id())) {
                steps = card.path("nextSteps");
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode step : steps == null ? List.<JsonNode>of() : steps) {
            Check check = definitions.check(step.path("checkId").asText());
            if (check == null || check.requires().isEmpty()) {
                out.add(step.path("checkId").asText());
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
