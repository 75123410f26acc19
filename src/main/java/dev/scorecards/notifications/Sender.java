package dev.scorecards.notifications;

import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.UrlFetch;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox at least once. A delivery is claimed with {@code FOR UPDATE SKIP LOCKED} in a
 * transaction held while it is sent, so one replica sends it; only a subscription's oldest pending
 * delivery is claimable, which keeps its order. A failed attempt is retried with exponential backoff
 * until {@code give-up-after} has passed; a process killed mid-send leaves the delivery pending. Sent
 * through {@link UrlFetch}: allow-listed hosts and ports only (checked again at each send), no redirects.
 */
@ApplicationScoped
public class Sender {
    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final int PER_TICK = 200;
    private static final String CLAIM = """
            select d.id, d.attempts, e.created_at, e.type, e.payload, w.url, w.target, w.secret, w.token
            from notification_delivery d
            join notification_event e on e.id = d.event_id
            join notification_webhook w on w.id = d.webhook_id
            where d.status = 'pending' and d.next_attempt_at <= now()
              and not exists (select 1 from notification_delivery p
                              where p.webhook_id = d.webhook_id and p.status = 'pending' and p.seq < d.seq)
            order by d.seq
            limit 1
            for update of d skip locked
            """;

    private final DataSource dataSource;
    private final UrlFetch urls;
    private final NotificationsConfig config;

    @Inject
    Sender(DataSource dataSource, UrlFetch urls, NotificationsConfig config) {
        this.dataSource = dataSource;
        this.urls = urls;
        if (config.giveUpAfter().compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalStateException("scorecards.notifications.give-up-after must be at least 24h, not "
                    + config.giveUpAfter());
        }
        this.config = config;
    }

    @Scheduled(every = "${scorecards.notifications.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            for (int i = 0; i < PER_TICK && sendOne(); i++) {
                // one claim, one send, one commit at a time
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("notifications: sending paused until the next tick: %s", e.toString());
        }
    }

    /** Claims, sends and records one due delivery; false when none is due. */
    boolean sendOne() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean sent = claimAndSend(c);
                c.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private boolean claimAndSend(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            String id = rs.getString(1);
            int attempts = rs.getInt(2) + 1;
            Instant created = rs.getTimestamp(3).toInstant();
            Attempt a = attempt(id, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getString(9));
            record(c, id, attempts, created, a);
            return true;
        }
    }

    /** What one attempt got: a status code (0 when no answer) and an error text when it failed. */
    record Attempt(int status, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Attempt attempt(String id, String type, String payload, String url, String target, String secret,
            String token) {
        byte[] body = Bodies.render(target, payload);
        String endpoint = target.equals("backstage") ? url.replaceAll("/+$", "") + "/api/notifications/notifications"
                : url;
        HttpRequest.Builder req = HttpRequest.newBuilder()
                .header("Content-Type", "application/json").header("User-Agent", "capability-scorecards")
                .header("X-Scorecards-Event", type).header("X-Scorecards-Delivery", id)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isEmpty()) {
            req.header("X-Scorecards-Signature-256", Signature.of(secret, body));
        }
        if (token != null && !token.isEmpty()) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            UrlFetch.Answer r = urls.send(URI.create(endpoint), req, config.timeout(), "the answer of " + endpoint);
            return new Attempt(r.status(), r.status() >= 200 && r.status() < 300 ? null : "answered " + r.status());
        } catch (UrlFetch.Failed e) {
            // the same words for a refused, an unreachable and a slow receiver (UrlFetch logs the cause)
            return new Attempt(0, e.getMessage() + " (scorecards.notifications.timeout)");
        } catch (ServiceError e) {
            return new Attempt(0, e.getMessage()); // no longer allow-listed, or an answer over the size limit
        }
    }

    private void record(Connection c, String id, int attempts, Instant created, Attempt a) throws SQLException {
        Instant now = Instant.now();
        String status = a.ok() ? "delivered" : now.isAfter(created.plus(config.giveUpAfter())) ? "failed" : "pending";
        try (PreparedStatement ps = c.prepareStatement("update notification_delivery set status = ?, attempts = ?,"
                + " last_attempt_at = ?, last_status = ?, last_error = ?, next_attempt_at = ?,"
                + " delivered_at = ? where id = ?::uuid")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setTimestamp(3, Timestamp.from(now));
            if (a.status() == 0) {
                ps.setNull(4, java.sql.Types.INTEGER);
            } else {
                ps.setInt(4, a.status());
            }
            ps.setString(5, a.error());
            ps.setTimestamp(6, Timestamp.from(now.plus(backoff(attempts))));
            ps.setTimestamp(7, a.ok() ? Timestamp.from(now) : null);
            ps.setString(8, id);
            ps.executeUpdate();
        }
        if (!a.ok()) {
            LOG.infof("notifications: delivery %s attempt %d failed (%s), %s", id, attempts, a.error(), status);
        }
    }

    /** The wait after {@code attempts} failed attempts: initial × 2^(attempts-1), at most backoff-max. */
    Duration backoff(int attempts) {
        Duration d = config.backoffInitial();
        for (int i = 1; i < attempts && d.compareTo(config.backoffMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : d;
    }
}
