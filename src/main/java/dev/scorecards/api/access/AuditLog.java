package dev.scorecards.api.access;

import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The audit log of writes ({@code api_audit}): one row per request, newest first when read; rows
 * older than {@code scorecards.audit.retention} (90 days) are deleted on a schedule.
 */
@ApplicationScoped
public class AuditLog {
    static final int MAX_TEXT = 2000;
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final Duration retention;

    AuditLog(AccessConfig.Audit config) {
        this.retention = config.retention();
    }

    @Scheduled(every = "${scorecards.audit.prune-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledPrune() {
        prune();
    }

    /** Deletes the rows older than the retention; every replica may run it (a delete of old rows is idempotent). */
    @Transactional
    public long prune() {
        long deleted = AuditRecord.delete("at < ?1", Instant.now().minus(retention));
        if (deleted > 0) {
            LOG.infof("Deleted %d audit log entries older than %s (scorecards.audit.retention)", deleted, retention);
        }
        return deleted;
    }

    /** One write request as recorded. */
    public record Entry(long id, Instant at, String actor, String method, String path, String query,
            String operation, int status, String target) {
    }

    /** Records one request (a single insert, so a large ingest costs one row), whatever became of the request's own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String method, String path, String query, String operation, int status,
            String target) {
        AuditRecord r = new AuditRecord();
        r.actor = cap(actor);
        r.method = method;
        r.path = cap(path);
        r.query = cap(query);
        r.operation = operation;
        r.status = status;
        r.target = cap(target);
        r.persist();
    }

    /**
     * Entries newest first within [{@code since}, {@code until}], by {@code actor} if given, after the
     * entry {@code before} (an id; null from the newest), at most {@code limit}.
     */
    @Transactional
    public List<Entry> read(Instant since, Instant until, String actor, Long before, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (since != null) {
            where.append(" and at >= :since");
            params.put("since", since);
        }
        if (until != null) {
            where.append(" and at <= :until");
            params.put("until", until);
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (before != null) {
            where.append(" and id < :before");
            params.put("before", before);
        }
        List<AuditRecord> rows = AuditRecord.find(where.toString(), Sort.descending("id"), params).page(0, limit).list();
        return rows.stream().map(r -> new Entry(r.id, r.at, r.actor, r.method, r.path, r.query, r.operation, r.status,
                r.target)).toList();
    }

    private static String cap(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
