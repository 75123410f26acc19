package dev.scorecards.scoring.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes evaluation results: each capability's latest result, its detail and a history row for every
 * change, with batched JDBC (thousands of rows per evaluation). A result identical to the stored one
 * writes nothing, so evaluating twice never adds history; each chunk of results is one transaction.
 * Two replicas storing the same change at the same moment can each add its history row.
 */
@ApplicationScoped
public class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final ResultStore store;
    /** Later stages that record rows with a result change, in its transaction (notifications' outbox). */
    private final jakarta.enterprise.inject.Instance<ResultChangeHook> hooks;

    @Inject
    ResultWriter(DataSource dataSource, ResultStore store, jakarta.enterprise.inject.Instance<ResultChangeHook> hooks) {
        this.dataSource = dataSource;
        this.store = store;
        this.hooks = hooks;
    }

    /**
     * Stores what changed; returns how many capabilities' results changed. Each committed chunk makes this
     * replica's readers ask for the results' version again at once, unless {@code quietly}: then they
     * see it within the second {@link ResultStore#version()} trusts a version read, and the caller
     * calls {@link ResultStore#forgetVersion()} when it is done.
     */
    public int save(List<Evaluated> results, long ingestion, Instant now, boolean quietly) {
        int changed = 0;
        for (int from = 0; from < results.size(); from += CHUNK) {
            changed += saveChunk(results.subList(from, Math.min(results.size(), from + CHUNK)), ingestion, now);
            if (!quietly) {
                store.forgetVersion(); // committed: the next version() asks the database
            }
        }
        return changed;
    }

    /** One chunk: results, details and history stored together or not at all. */
    @Transactional
    int saveChunk(List<Evaluated> chunk, long ingestion, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Object[]> stored = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select entity_ref, hash, first_consumer_at, removed_at"
                    + " from scoring_capability where entity_ref = any(?)")) {
                ps.setArray(1, c.createArrayOf("text", chunk.stream().map(e -> e.capability().ref()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), new Object[] {rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)});
                    }
                }
            }
            int changed = 0;
            List<ResultChangeHook.Change> changes = new java.util.ArrayList<>();
            try (PreparedStatement upsert = c.prepareStatement(UPSERT); PreparedStatement detail = c.prepareStatement(
                    "insert into scoring_detail (entity_ref, result, consumers) values (?, ?::jsonb, ?::json)"
                            + " on conflict (entity_ref) do update set result = excluded.result,"
                            + " consumers = excluded.consumers"); PreparedStatement history =
                    c.prepareStatement("insert into scoring_history (entity_ref, at, level, level_index, scores,"
                            + " consumer_count, states) values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)")) {
                for (Evaluated e : chunk) {
                    String text = ResultDocument.text(e);
                    String hash = ResultDocument.sha1(text);
                    Object[] before = stored.get(e.capability().ref());
                    boolean firstConsumer = e.capability().consumerCount() > 0 && (before == null || before[1] == null);
                    if (before != null && hash.equals(before[0]) && before[2] == null && !firstConsumer) {
                        continue;
                    }
                    changed++;
                    changes.add(new ResultChangeHook.Change(e.capability().ref(), e.capability().ownerRef(),
                            e.capability().title(), text, e));
                    bindUpsert(upsert, e, hash, ingestion, now, firstConsumer);
                    upsert.addBatch();
                    detail.setString(1, e.capability().ref());
                    detail.setString(2, text);
                    detail.setString(3, JSON.writeValueAsString(e.capability().consumers()));
                    detail.addBatch();
                    ScorecardResult ladder = e.ladder();
                    history.setString(1, e.capability().ref());
                    history.setTimestamp(2, Timestamp.from(now));
                    history.setString(3, ladder.level());
                    history.setInt(4, ladder.levelIndex());
                    history.setString(5, ResultDocument.scores(e).toString());
                    history.setInt(6, (int) e.capability().consumerCount());
                    history.setString(7, ResultDocument.states(e).toString());
                    history.addBatch();
                }
                for (ResultChangeHook hook : hooks) {
                    hook.changing(c, changes, now);
                }
                upsert.executeBatch();
                detail.executeBatch();
                history.executeBatch();
            }
            if (changed > 0) {
                bump(c);
            }
            try (PreparedStatement touch = c.prepareStatement("insert into scoring_evaluated (entity_ref, at)"
                    + " select unnest(?::text[]), ? on conflict (entity_ref) do update set at = excluded.at")) {
                touch.setArray(1, c.createArrayOf("text", chunk.stream().map(e -> e.capability().ref()).toArray()));
                touch.setTimestamp(2, Timestamp.from(now));
                touch.executeUpdate();
            }
            return changed;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks capabilities that left the catalog (or the selection); their history stays. */
    public void markRemoved(Collection<String> refs, Instant now) {
        if (!refs.isEmpty()) {
            markRemovedNow(refs, now);
            store.forgetVersion();
        }
    }

    @Transactional
    void markRemovedNow(Collection<String> refs, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            List<String> removed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("update scoring_capability set removed_at = ?"
                    + " where entity_ref = any(?) and removed_at is null returning entity_ref, level, level_index,"
                    + " scores::text, consumer_count")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setArray(2, c.createArrayOf("text", refs.toArray()));
                try (ResultSet rs = ps.executeQuery(); PreparedStatement h = c.prepareStatement(
                        "insert into scoring_history (entity_ref, at, level, level_index, scores, consumer_count, states,"
                                + " removed) values (?, ?, ?, ?, ?::jsonb, ?, '{}'::jsonb, true)")) {
                    while (rs.next()) {
                        removed.add(rs.getString(1));
                        h.setString(1, rs.getString(1));
                        h.setTimestamp(2, Timestamp.from(now));
                        h.setString(3, rs.getString(2));
                        h.setInt(4, rs.getInt(3));
                        h.setString(5, rs.getString(4));
                        h.setInt(6, rs.getInt(5));
                        h.addBatch();
                    }
                    h.executeBatch();
                }
            }
            if (!removed.isEmpty()) {
                bump(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into scoring_state (id, version) values (1, 1)"
                + " on conflict (id) do update set version = scoring_state.version + 1")) {
            ps.executeUpdate();
        }
    }

    private static final String UPSERT = """
            insert into scoring_capability (entity_ref, kind, namespace, name, title, owner_ref, level, level_index,
                scores, consumer_count, consuming_team_count, adoption_rate, consuming_teams, hash,
                first_seen_at, first_seen_ingestion, first_consumer_at, first_consumer_ingestion,
                changed_at, removed_at, bypass_count, bypassing_team_count, involved_team_count, days_to_first_adopter)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?)
            on conflict (entity_ref) do update set kind = excluded.kind, namespace = excluded.namespace,
                name = excluded.name, title = excluded.title, owner_ref = excluded.owner_ref, level = excluded.level,
                level_index = excluded.level_index, scores = excluded.scores, consumer_count = excluded.consumer_count,
                consuming_team_count = excluded.consuming_team_count, adoption_rate = excluded.adoption_rate,
                consuming_teams = excluded.consuming_teams, hash = excluded.hash, bypass_count = excluded.bypass_count,
                bypassing_team_count = excluded.bypassing_team_count, involved_team_count = excluded.involved_team_count,
                days_to_first_adopter = excluded.days_to_first_adopter,
                first_consumer_at = coalesce(scoring_capability.first_consumer_at, excluded.first_consumer_at),
                first_consumer_ingestion = case when scoring_capability.first_consumer_at is null
                    then excluded.first_consumer_ingestion else scoring_capability.first_consumer_ingestion end,
                changed_at = excluded.changed_at, removed_at = null
            """;

    private static void bindUpsert(PreparedStatement ps, Evaluated e, String hash, long ingestion,
            Instant now, boolean firstConsumer) throws SQLException {
        EntityRef ref = EntityRef.parse(e.capability().ref());
        ScorecardResult ladder = e.ladder();
        ps.setString(1, e.capability().ref());
        ps.setString(2, ref.kind());
        ps.setString(3, ref.namespace());
        ps.setString(4, ref.name());
        ps.setString(5, e.capability().title());
        ps.setString(6, e.capability().ownerRef());
        ps.setString(7, ladder.level());
        ps.setInt(8, ladder.levelIndex());
        ps.setString(9, ResultDocument.scores(e).toString());
        ps.setInt(10, (int) e.capability().consumerCount());
        ps.setInt(11, e.capability().consumingTeams().size());
        ps.setDouble(12, e.capability().facts().adoptionRate());
        ps.setArray(13, ps.getConnection().createArrayOf("text", e.capability().consumingTeams().toArray()));
        ps.setString(14, hash);
        ps.setTimestamp(15, Timestamp.from(e.firstSeenAt()));
        ps.setLong(16, e.firstIngestion());
        if (firstConsumer) {
            ps.setTimestamp(17, Timestamp.from(now));
            ps.setLong(18, ingestion);
        } else {
            ps.setNull(17, Types.TIMESTAMP);
            ps.setNull(18, Types.BIGINT);
        }
        ps.setTimestamp(19, Timestamp.from(now));
        ps.setInt(20, e.capability().bypasses().size());
        ps.setInt(21, e.capability().bypassingTeams().size());
        java.util.Set<String> involved = new java.util.HashSet<>(e.capability().consumingTeams());
        involved.addAll(e.capability().bypassingTeams());
        ps.setInt(22, involved.size());
        if (e.firstAdopter().days() == null) {
            ps.setNull(23, Types.DOUBLE);
        } else {
            ps.setDouble(23, e.firstAdopter().days());
        }
    }
}
