package dev.scorecards.ingest.backstage;

import dev.scorecards.db.Sql;
import dev.scorecards.ingest.source.IngestResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code ingest_backstage_run} table: each Backstage source's last pull, as every replica sees it. */
@ApplicationScoped
public class BackstageRuns {
    @Inject
    DataSource dataSource;

    /** A source's last pull; counts are null until it succeeded, error is null unless it failed. */
    public record Run(String trigger, String started, String finished, Integer entities, Integer created,
            Integer updated, Integer unchanged, Integer removed, Integer conflicts, String error) {
    }

    /** The last pull and the end of the last successful one (null if none). */
    record Last(Run run, String lastSuccess) {
    }

    void started(String name, String trigger) {
        Sql.update(dataSource, """
                insert into ingest_backstage_run (name, trigger, started_at) values (?, ?, now())
                on conflict (name) do update set trigger = excluded.trigger, started_at = now(), finished_at = null,
                  entities = null, created = null, updated = null, unchanged = null, removed = null,
                  conflicts = null, error = null
                """, List.of(name, trigger));
    }

    void succeeded(String name, IngestResult r) {
        Sql.update(dataSource, """
                update ingest_backstage_run set finished_at = now(), last_success_at = now(), entities = ?,
                  created = ?, updated = ?, unchanged = ?, removed = ?, conflicts = ? where name = ?
                """, List.of(r.documents(), r.created(), r.updated(), r.unchanged(), r.removed(), r.conflicts().size(),
                name));
    }

    void failed(String name, String error) {
        Sql.update(dataSource, "update ingest_backstage_run set finished_at = now(), error = ? where name = ?",
                List.of(error, name));
    }

    /** Whether the source's last pull, on any replica, started at least {@code interval} ago (or never). */
    boolean due(String name, Duration interval) {
        boolean[] recent = {false};
        Sql.query(dataSource, "select started_at > now() - make_interval(secs => ?) from ingest_backstage_run"
                + " where name = ?", List.of((double) interval.toMillis() / 1000, name),
                rs -> recent[0] = rs.getBoolean(1));
        return !recent[0];
    }

    Map<String, Last> all() {
        Map<String, Last> out = new HashMap<>();
        Sql.query(dataSource, """
                select name, trigger, started_at, finished_at, entities, created, updated, unchanged, removed,
                  conflicts, error, last_success_at from ingest_backstage_run
                """, List.of(), rs -> out.put(rs.getString(1), new Last(new Run(rs.getString(2), time(rs, 3),
                time(rs, 4), integer(rs, 5), integer(rs, 6), integer(rs, 7), integer(rs, 8), integer(rs, 9),
                integer(rs, 10), rs.getString(11)), time(rs, 12))));
        return out;
    }

    private static String time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().toString();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
