package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The transactional outbox: an event row and one pending delivery per subscription that wants it,
 * written on the caller's connection so they commit (or roll back) with the change that caused them.
 */
final class Outbox {
    private static final String RECORD = """
            with e as (insert into notification_event (type, entity_ref, owner_ref, campaign_id, payload, created_at)
                       values (?, ?, ?, ?, ?, ?) returning id)
            insert into notification_delivery (id, webhook_id, event_id, status, next_attempt_at, created_at)
            select gen_random_uuid(), w.id, e.id, 'pending', ?, ? from e, notification_webhook w
            where ? = any(w.events) and (w.owners is null or ? = any(w.owners))
              and (w.capabilities is null or ? = any(w.capabilities))
            order by w.id
            """;

    private Outbox() {
    }

    /** Whether any subscription exists (when none, nothing is recorded). */
    static boolean anySubscription(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from notification_webhook)");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** An event for the batch {@code ps} (prepared with {@link #prepare}); {@code ref} null for campaign events. */
    static void add(PreparedStatement ps, EventType type, String ref, String owner, String campaignId,
            ObjectNode payload, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        ps.setString(1, type.wire());
        ps.setString(2, ref);
        ps.setString(3, owner);
        ps.setString(4, campaignId);
        ps.setString(5, payload.toString());
        ps.setTimestamp(6, at);
        ps.setTimestamp(7, at);
        ps.setTimestamp(8, at);
        ps.setString(9, type.wire());
        ps.setString(10, owner);
        ps.setString(11, ref);
        ps.addBatch();
    }

    static PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(RECORD);
    }
}
