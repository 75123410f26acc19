package dev.scorecards.ingest.backstage;

import dev.scorecards.db.DatabaseClock;
import dev.scorecards.ingest.source.IngestResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code ingest_backstage_run} table (Panache, {@link BackstageRun}): each Backstage source's last
 * pull, as every replica sees it. Each method joins the caller's transaction, or runs in one of its own
 * (a pull's start commits before its pages are fetched, so every replica sees it running).
 */
@ApplicationScoped
@Transactional
public class BackstageRuns {

    /** A source's last pull; counts are null until it succeeded, error is null unless it failed. */
    public record Run(String trigger, String started, String finished, Integer entities, Integer created,
            Integer updated, Integer unchanged, Integer removed, Integer conflicts, String error) {
    }

    /** The last pull and the end of the last successful one (null if none). */
    record Last(Run run, String lastSuccess) {
    }

    /**
     * Starts the source's run, clearing the last one's outcome. An upsert, not {@code persist()}: two
     * replicas starting the first pull of a source at once both succeed (the second waits for the first's
     * commit) instead of one failing on the primary key.
     */
    void started(String name, String trigger) {
        BackstageRun.getEntityManager().createNativeQuery("""
                insert into ingest_backstage_run (name, trigger, started_at) values (?1, ?2, now())
                on conflict (name) do update set trigger = excluded.trigger, started_at = now(), finished_at = null,
                  entities = null, created = null, updated = null, unchanged = null, removed = null,
                  conflicts = null, error = null
                """).setParameter(1, name).setParameter(2, trigger).executeUpdate();
    }

    void succeeded(String name, IngestResult r) {
        BackstageRun run = BackstageRun.findById(name);
        if (run != null) {
            Instant now = DatabaseClock.now(BackstageRun.getEntityManager());
            run.finishedAt = now;
            run.lastSuccessAt = now;
            run.entities = r.documents();
            run.created = r.created();
            run.updated = r.updated();
            run.unchanged = r.unchanged();
            run.removed = r.removed();
            run.conflicts = r.conflicts().size();
        }
    }

    void failed(String name, String error) {
        BackstageRun run = BackstageRun.findById(name);
        if (run != null) {
            run.finishedAt = DatabaseClock.now(BackstageRun.getEntityManager());
            run.error = error;
        }
    }

    /** Whether the source's last pull, on any replica, started at least {@code interval} ago (or never), by the database's clock. */
    boolean due(String name, Duration interval) {
        BackstageRun run = BackstageRun.findById(name);
        return run == null || !run.startedAt.isAfter(DatabaseClock.now(BackstageRun.getEntityManager()).minus(interval));
    }

    Map<String, Last> all() {
        Map<String, Last> out = new HashMap<>();
        for (BackstageRun r : BackstageRun.<BackstageRun>listAll()) {
            out.put(r.name, new Last(new Run(r.trigger, time(r.startedAt), time(r.finishedAt), r.entities, r.created,
                    r.updated, r.unchanged, r.removed, r.conflicts, r.error), time(r.lastSuccessAt)));
        }
        return out;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
