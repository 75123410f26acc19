package dev.scorecards.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The scoring tables: each capability's latest result, and a history row for every change of it.
 * A result identical to the stored one writes nothing, so evaluating twice never adds history; a
 * chunk of results is stored in one transaction. Two replicas storing the same change at the same
 * moment can each add its history row.
 */
@ApplicationScoped
public class ResultStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 500;

    @Inject
    DataSource dataSource;
    /** Later stages that record rows with a result change (notifications' outbox). */
    @Inject
    jakarta.enterprise.inject.Instance<ResultChangeHook> hooks;

    /** How long a version read is trusted: badges and lists ask on every request, another replica's change may wait. */
    private static final long TRUSTED_NANOS = 1_000_000_000L;

    /** The version last read and when ({@link System#nanoTime()}), or null. */
    private record Known(long version, long readAt) {
    }

    private volatile Known known;
    /** Moves whenever {@link #known} is forgotten, so a read that raced with a change is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    /**
     * Grows whenever a stored result changes (on any replica), so aggregates over them know when they are
     * stale. A read is kept for a second; a change stored by this replica is seen at once.
     */
    long version() {
        Known k = known;
        long now = System.nanoTime();
        if (k != null && now - k.readAt() < TRUSTED_NANOS) {
            return k.version();
        }
        long generation = forgotten.get();
        long version = readVersion();
        if (forgotten.get() == generation) {
            known = new Known(version, now);
        }
        return version;
    }

    /** Asks the database again at the next {@link #version()} (after a change here, or one made behind the service). */
    void forgetVersion() {
        forgotten.incrementAndGet();
        known = null;
    }

    private long readVersion() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select version from scoring_state where id = 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
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

    /** Stores what changed; returns how many capabilities' results changed. */
    int save(List<Evaluated> results, long ingestion, Instant now) {
        int changed = 0;
        for (int from = 0; from < results.size(); from += CHUNK) {
            changed += saveChunk(results.subList(from, Math.min(results.size(), from + CHUNK)), ingestion, now);
        }
        return changed;
    }

    private int saveChunk(List<Evaluated> chunk, long ingestion, Instant now) {
        return inTransaction(c -> {
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
            List<ResultChangeHook.Change> changes = new ArrayList<>();
            try (PreparedStatement upsert = c.prepareStatement(UPSERT); PreparedStatement detail = c.prepareStatement(
                    "insert into scoring_detail (entity_ref, result, consumers) values (?, ?::jsonb, ?::jsonb)"
                            + " on conflict (entity_ref) do update set result = excluded.result,"
                            + " consumers = excluded.consumers"); PreparedStatement history =
                    c.prepareStatement("insert into scoring_history (entity_ref, at, level, level_index, scores,"
                            + " consumer_count, states) values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)")) {
                for (Evaluated e : chunk) {
                    ObjectNode result = document(e);
                    String text = result.toString();
                    String hash = sha1(text);
                    Object[] before = stored.get(e.capability().ref());
                    boolean firstConsumer = e.capability().consumerCount() > 0 && (before == null || before[1] == null);
                    if (before != null && hash.equals(before[0]) && before[2] == null && !firstConsumer) {
                        continue;
                    }
                    changed++;
                    changes.add(new ResultChangeHook.Change(e.capability().ref(), e.capability().ownerRef(),
                            e.capability().title(), result));
                    bindUpsert(upsert, e, hash, ingestion, now, firstConsumer);
                    upsert.addBatch();
                    detail.setString(1, e.capability().ref());
                    detail.setString(2, text);
                    detail.setString(3, JSON.valueToTree(e.capability().consumers()).toString());
                    detail.addBatch();
                    ScorecardResult ladder = e.ladder();
                    history.setString(1, e.capability().ref());
                    history.setTimestamp(2, Timestamp.from(now));
                    history.setString(3, ladder.level());
                    history.setInt(4, ladder.levelIndex());
                    history.setString(5, scores(e).toString());
                    history.setInt(6, (int) e.capability().consumerCount());
                    history.setString(7, states(e).toString());
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
        });
    }

    /** Work on one connection, committed together. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction, so a result, its detail and its history are stored together or not at all. */
    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                forgetVersion();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
        ps.setString(9, scores(e).toString());
        ps.setInt(10, (int) e.capability().consumerCount());
        ps.setInt(11, e.capability().consumingTeams().size());
        ps.setDouble(12, ((Number) e.facts().get("adoptionRate")).doubleValue());
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

    /**
     * The stored result document: what {@code GET /capabilities/{ref}} shows, without the texts of the
     * definitions (names, descriptions, remediation), which {@link CapabilityQueries} adds when read.
     */
    static ObjectNode document(Evaluated e) {
        ObjectNode doc = JSON.createObjectNode();
        ScorecardResult ladder = e.ladder();
        doc.put("entityRef", e.capability().ref());
        doc.put("kind", e.capability().kind());
        doc.put("title", e.capability().title());
        doc.put("owner", e.capability().ownerRef());
        doc.put("level", ladder.level());
        doc.put("levelIndex", ladder.levelIndex());
        ArrayNode cards = doc.putArray("scorecards");
        for (ScorecardResult r : e.scorecards()) {
            ObjectNode card = cards.addObject();
            card.put("id", r.id());
            card.put("level", r.level());
            card.put("levelIndex", r.levelIndex());
            card.put("nextLevel", r.nextLevel());
            card.put("percentage", r.percentage());
            ArrayNode checks = card.putArray("checks");
            for (CheckResult c : r.checks()) {
                checks.addObject().put("id", c.id()).put("state", c.state().name()).put("reason", c.reason());
            }
            ArrayNode steps = card.putArray("nextSteps");
            for (NextStep step : r.nextSteps()) {
                steps.addObject().put("checkId", step.checkId()).put("state", step.state().name())
                        .put("reason", step.reason());
            }
        }
        ObjectNode adoption = doc.putObject("adoption");
        adoption.put("consumers", e.capability().consumerCount());
        adoption.set("consumingTeams", JSON.valueToTree(e.capability().consumingTeams()));
        adoption.set("producerTeams", JSON.valueToTree(e.capability().producerTeams()));
        adoption.put("eligibleTeams", (Long) e.facts().get("eligibleTeamCount"));
        adoption.put("rate", (Double) e.facts().get("adoptionRate"));
        adoption.set("bypasses", JSON.valueToTree(e.capability().bypasses()));
        adoption.set("bypassingTeams", JSON.valueToTree(e.capability().bypassingTeams()));
        adoption.put("bypassRatio", (Double) e.facts().get("bypassRatio"));
        ObjectNode first = adoption.putObject("timeToFirstAdopter");
        FirstAdopter fa = e.firstAdopter();
        first.put("firstSeenAt", fa.firstSeenAt().toString());
        first.put("firstConsumerAt", fa.firstConsumerAt() == null ? null : fa.firstConsumerAt().toString());
        first.put("days", fa.days());
        first.put("reason", fa.reason());
        doc.set("parts", JSON.valueToTree(e.capability().parts()));
        doc.set("facts", JSON.valueToTree(new java.util.TreeMap<>(e.facts())));
        return doc;
    }

    private static ObjectNode scores(Evaluated e) {
        ObjectNode scores = JSON.createObjectNode();
        for (ScorecardResult s : e.scorecards()) {
            ObjectNode o = scores.putObject(s.id());
            o.put("level", s.level());
            o.put("levelIndex", s.levelIndex());
            o.put("percentage", s.percentage());
        }
        return scores;
    }

    private static ObjectNode states(Evaluated e) {
        ObjectNode states = JSON.createObjectNode();
        for (ScorecardResult s : e.scorecards()) {
            s.checks().forEach(c -> states.put(c.id(), c.state().name()));
        }
        return states;
    }

    /** Marks capabilities that left the catalog (or the selection); their history stays. */
    void markRemoved(Collection<String> refs, Instant now) {
        if (refs.isEmpty()) {
            return;
        }
        inTransaction(c -> {
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
            return removed.size();
        });
    }

    /** What was stored about when these capabilities and their first consumers were first seen. */
    Map<String, FirstAdopter.Stored> firstSeen(Collection<String> refs) {
        Map<String, FirstAdopter.Stored> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select entity_ref, first_seen_at, first_seen_ingestion, first_consumer_at, first_consumer_ingestion"
                        + " from scoring_capability where entity_ref = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp consumer = rs.getTimestamp(4);
                    long ci = rs.getLong(5);
                    Long consumerIngestion = rs.wasNull() ? null : ci;
                    out.put(rs.getString(1), new FirstAdopter.Stored(rs.getTimestamp(2).toInstant(), rs.getLong(3),
                            consumer == null ? null : consumer.toInstant(), consumerIngestion));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Refreshes the planner's statistics after many results changed. */
    void analyse() {
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("analyze scoring_capability");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refs of every capability with a current (not removed) result. */
    List<String> storedRefs() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select entity_ref from scoring_capability where removed_at is null"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Each capability's consumer count at {@code since} (or when first recorded, if later). */
    Map<String, Long> consumersSince(Collection<String> refs, Instant since) {
        Map<String, Long> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct on (entity_ref) entity_ref, consumer_count from scoring_history
                where entity_ref = any(?) and not removed
                order by entity_ref, (at <= ?) desc, case when at <= ? then at end desc, at asc
                """)) {
            ps.setArray(1, c.createArrayOf("text", refs.toArray()));
            ps.setTimestamp(2, Timestamp.from(since));
            ps.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
