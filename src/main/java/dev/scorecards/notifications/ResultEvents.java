package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityDetail;
import dev.scorecards.scoring.query.CapabilityQueries;
import dev.scorecards.scoring.results.ResultChangeHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the results a scoring transaction changes into events in the outbox, on that transaction:
 * compares each capability's stored result (still the previous one) with its new one.
 */
@ApplicationScoped
public class ResultEvents implements ResultChangeHook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScorecardDefinitions definitions;

    @Inject
    ResultEvents(ScorecardDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void changing(Connection c, List<Change> changes, Instant now) throws SQLException {
        if (changes.isEmpty() || !Outbox.anySubscription(c)) {
            return;
        }
        Map<String, CapabilityDetail> before = previous(c, changes);
        EventDetector detector = new EventDetector(id -> {
            var check = definitions.check(id);
            return check != null && check.requiredFacts().contains("csat");
        });
        try (PreparedStatement ps = Outbox.prepare(c)) {
            int added = 0;
            for (Change change : changes) {
                CapabilityDetail was = before.get(change.ref());
                if (was == null) {
                    continue; // a new capability: its first result is not a change anybody is told about
                }
                for (EventDetector.Found f : detector.compare(was, CapabilityQueries.stored(change.after()))) {
                    ObjectNode payload = JSON.createObjectNode();
                    payload.put("event", f.type().wire());
                    payload.put("occurredAt", now.toString());
                    payload.putObject("capability").put("entityRef", change.ref()).put("title", change.title())
                            .put("owner", change.owner());
                    payload.setAll(f.details());
                    Outbox.add(ps, f.type(), change.ref(), change.owner(), null, payload, now);
                    added++;
                }
            }
            if (added > 0) {
                ps.executeBatch();
            }
        }
    }

    private static Map<String, CapabilityDetail> previous(Connection c, List<Change> changes) throws SQLException {
        Map<String, CapabilityDetail> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select entity_ref, result::text from scoring_detail where entity_ref = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", changes.stream().map(Change::ref).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), CapabilityQueries.stored(rs.getString(2)));
                }
            }
        }
        return out;
    }
}
