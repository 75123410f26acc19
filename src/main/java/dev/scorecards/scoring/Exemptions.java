package dev.scorecards.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Waivers of a check for an entity, with reason, author and optional expiry. An expired exemption
 * stops applying by itself (every evaluation compares the expiry with the clock, and a scheduled
 * job re-evaluates entities whose exemptions just expired); every change is written to the audit log.
 */
@ApplicationScoped
public class Exemptions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    @Inject
    DataSource dataSource;
    @Inject
    ScorecardDefinitions definitions;
    @Inject
    CatalogQueries catalog;

    /** An audit entry: what happened to which exemption, who did it, when. */
    public record AuditEntry(long id, String exemptionId, String action, String actor, Instant at, Exemption exemption) {
    }

    @Transactional
    public Exemption create(String entityRef, String checkId, String reason, String author, Instant expiresAt) {
        String ref;
        try {
            ref = EntityRef.parse(entityRef == null ? "" : entityRef).toString();
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid entityRef: " + e.getMessage());
        }
        if (catalog.byRef(ref) == null) {
            throw ServiceError.notFound("No entity " + ref);
        }
        if (checkId == null || definitions.check(checkId) == null) {
            throw ServiceError.input("Unknown check '" + checkId + "': use a qualified id such as"
                    + " documentation.has-description (GET /api/scorecards/scorecards lists them)");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw ServiceError.input("An exemption needs a reason (1-2000 characters)");
        }
        if (author == null || author.isBlank()) {
            throw ServiceError.input("An exemption needs an author");
        }
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ServiceError.input("expiresAt must be in the future");
        }
        Exemption e = new Exemption(UUID.randomUUID().toString(), ref, checkId, reason.strip(), author.strip(),
                expiresAt, now);
        update("insert into scoring_exemption (id, entity_ref, check_id, reason, author, expires_at, created_at)"
                + " values (?::uuid, ?, ?, ?, ?, ?, ?)", e.id(), ref, checkId, e.reason(), e.author(), ts(expiresAt), ts(now));
        audit(e, "created", e.author());
        return e;
    }

    /** Deletes an exemption (the audit log keeps it); returns it. */
    @Transactional
    public Exemption delete(String id, String actor) {
        Exemption e = get(id);
        if (e == null) {
            throw ServiceError.notFound("No exemption with id " + id);
        }
        update("update scoring_exemption set deleted_at = now(), deleted_by = ? where id = ?::uuid", actor, id);
        audit(e, "deleted", actor);
        return e;
    }

    public Exemption get(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Exemption> found = select("where id = ?::uuid and deleted_at is null", id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Exemptions not deleted, optionally of one entity; expired ones included only when asked. */
    public List<Exemption> list(String entityRef, boolean includeExpired) {
        String where = "where deleted_at is null" + (includeExpired ? "" : " and (expires_at is null or expires_at > now())");
        if (entityRef != null) {
            return select(where + " and entity_ref = ? order by created_at", EntityRef.parse(entityRef).toString());
        }
        return select(where + " order by created_at");
    }

    /** Active exemptions of these entities: entity → check id → exemption. */
    Map<String, Map<String, Exemption>> active(Collection<String> refs, Instant now) {
        Map<String, Map<String, Exemption>> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        for (Exemption e : select("where deleted_at is null and entity_ref = any(?) and (expires_at is null"
                + " or expires_at > ?)", refs.toArray(new String[0]), ts(now))) {
            out.computeIfAbsent(e.entityRef(), k -> new HashMap<>()).put(e.checkId(), e);
        }
        return out;
    }

    /** Records the exemptions that have expired since last asked; returns their entities. */
    @Transactional
    public List<String> recordExpired(Instant now) {
        // one statement claims them, so with several replicas each expiry is recorded once
        List<Exemption> expired = new ArrayList<>();
        Sql.query(dataSource, "update scoring_exemption set expiry_recorded = true where deleted_at is null"
                + " and not expiry_recorded and expires_at <= ? returning id::text, entity_ref, check_id, reason, author,"
                + " expires_at, created_at", List.of(ts(now)), rs -> expired.add(new Exemption(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant())));
        for (Exemption e : expired) {
            audit(e, "expired", "system");
        }
        return expired.stream().map(Exemption::entityRef).distinct().toList();
    }

    public List<AuditEntry> audit(String entityRef) {
        List<AuditEntry> out = new ArrayList<>();
        String sql = "select id, exemption_id::text, action, actor, at, exemption::text from scoring_exemption_audit"
                + (entityRef == null ? "" : " where exemption->>'entityRef' = ?") + " order by id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (entityRef != null) {
                ps.setString(1, EntityRef.parse(entityRef).toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), JSON.readValue(rs.getString(6), Exemption.class)));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private void audit(Exemption e, String action, String actor) {
        update("insert into scoring_exemption_audit (exemption_id, action, actor, exemption) values (?::uuid, ?, ?, ?::jsonb)",
                e.id(), action, actor, JSON.valueToTree(e).toString());
    }

    private List<Exemption> select(String where, Object... params) {
        List<Exemption> out = new ArrayList<>();
        Sql.query(dataSource, "select id::text, entity_ref, check_id, reason, author, expires_at, created_at"
                + " from scoring_exemption " + where, Arrays.asList(params), rs -> {
                    Timestamp exp = rs.getTimestamp(6);
                    out.add(new Exemption(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), exp == null ? null : exp.toInstant(), rs.getTimestamp(7).toInstant()));
                });
        return out;
    }

    private void update(String sql, Object... params) {
        Sql.update(dataSource, sql, Arrays.asList(params));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
