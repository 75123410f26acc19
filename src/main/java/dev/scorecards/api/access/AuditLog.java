package dev.scorecards.api.access;

import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The audit log of writes ({@code api_audit}): one row per request, newest first when read. */
@ApplicationScoped
public class AuditLog {
    static final int MAX_TEXT = 2000;

    /** One write request as recorded. */
    public record Entry(long id, Instant at, String actor, String method, String path, String query,
            String operation, int status, String target) {
    }

    @Inject
    DataSource dataSource;

    /** Records one request (a single insert, so a large ingest costs one row). */
    public void record(String actor, String method, String path, String query, String operation, int status,
            String target) {
        Sql.update(dataSource, "insert into api_audit (actor, method, path, query, operation, status, target)"
                + " values (?, ?, ?, ?, ?, ?, ?)",
                java.util.Arrays.asList(cap(actor), method, cap(path), cap(query), operation, status, cap(target)));
    }

    /**
     * Entries newest first within [{@code since}, {@code until}], by {@code actor} if given, after the
     * entry {@code before} (an id; null from the newest), at most {@code limit}.
     */
    public List<Entry> read(Instant since, Instant until, String actor, Long before, int limit) {
        StringBuilder sql = new StringBuilder("select id, at, actor, method, path, query, operation, status, target"
                + " from api_audit where true");
        List<Object> params = new ArrayList<>();
        if (since != null) {
            sql.append(" and at >= ?");
            params.add(java.sql.Timestamp.from(since));
        }
        if (until != null) {
            sql.append(" and at <= ?");
            params.add(java.sql.Timestamp.from(until));
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            params.add(actor);
        }
        if (before != null) {
            sql.append(" and id < ?");
            params.add(before);
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        List<Entry> out = new ArrayList<>();
        Sql.query(dataSource, sql.toString(), params, rs -> out.add(new Entry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getString(9))));
        return out;
    }

    private static String cap(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
