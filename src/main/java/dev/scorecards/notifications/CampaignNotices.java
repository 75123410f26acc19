package dev.scorecards.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.campaigns.CampaignProgress;
import dev.scorecards.campaigns.CampaignSpec;
import dev.scorecards.campaigns.Campaigns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Campaign events: {@code campaign-due-soon} 7 days and 1 day before the deadline, {@code campaign-missed}
 * after it, {@code campaign-completed} when every selected capability meets the target. Each notice is
 * recorded once per deadline ({@code campaign_notice}), in the transaction that writes its event, so
 * replicas checking at once send it once.
 */
@ApplicationScoped
public class CampaignNotices {
    private static final Logger LOG = Logger.getLogger(CampaignNotices.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final DataSource dataSource;

    @Inject
    CampaignNotices(Campaigns campaigns, CampaignProgress progress, DataSource dataSource) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.dataSource = dataSource;
    }

    @Scheduled(every = "${scorecards.campaigns.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            check();
        } catch (RuntimeException | SQLException e) {
            LOG.warnf("campaigns: notices not checked until the next time: %s", e.toString());
        }
    }

    /** Records the notices that are due now; returns how many. */
    public int check() throws SQLException {
        int sent = 0;
        for (CampaignSpec c : campaigns.list()) {
            CampaignProgress.Progress p = progress.of(c);
            String notice = notice(p);
            if (notice != null && record(c, p, notice)) {
                sent++;
            }
        }
        return sent;
    }

    /** The notice the campaign is due for now, or null. */
    private static String notice(CampaignProgress.Progress p) {
        return switch (p.status()) {
            case "completed" -> "completed";
            case "missed" -> "missed";
            case "active" -> p.daysLeft() <= 1 ? "due-soon-1" : p.daysLeft() <= 7 ? "due-soon-7" : null;
            default -> null;
        };
    }

    private boolean record(CampaignSpec c, CampaignProgress.Progress p, String notice) throws SQLException {
        Instant now = Instant.now();
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                boolean fresh;
                try (PreparedStatement ps = conn.prepareStatement("insert into campaign_notice (campaign_id, notice,"
                        + " deadline, at) values (?, ?, ?, ?) on conflict do nothing")) {
                    ps.setString(1, c.id());
                    ps.setString(2, notice);
                    ps.setObject(3, c.deadline());
                    ps.setTimestamp(4, Timestamp.from(now));
                    fresh = ps.executeUpdate() == 1;
                }
                if (fresh) {
                    EventType type = notice.startsWith("due-soon") ? EventType.CAMPAIGN_DUE_SOON
                            : notice.equals("missed") ? EventType.CAMPAIGN_MISSED : EventType.CAMPAIGN_COMPLETED;
                    try (PreparedStatement ps = Outbox.prepare(conn)) {
                        Outbox.add(ps, type, null, c.owner(), c.id(), payload(type, c, p, now), now);
                        ps.executeBatch();
                    }
                }
                conn.commit();
                return fresh;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    private static ObjectNode payload(EventType type, CampaignSpec c, CampaignProgress.Progress p, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", type.wire());
        o.put("occurredAt", now.toString());
        o.putObject("campaign").put("id", c.id()).put("title", c.title()).put("owner", c.owner())
                .put("deadline", c.deadline().toString());
        o.put("done", p.done());
        o.put("total", p.total());
        o.put("percentage", p.percentage());
        o.put("daysLeft", p.daysLeft());
        ArrayNode missed = o.putArray("missed");
        p.missed().forEach(ref -> missed.add(ref.toString()));
        return o;
    }
}
