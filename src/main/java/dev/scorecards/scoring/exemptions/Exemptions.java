package dev.scorecards.scoring.exemptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Waivers of a check for an entity, with reason, author and optional expiry. An expired exemption
 * stops applying by itself (every evaluation compares the expiry with the clock, and a scheduled
 * job re-evaluates entities whose exemptions just expired); every change is written to the audit log.
 */
@ApplicationScoped
public class Exemptions {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    private final ScorecardDefinitions definitions;
    private final CatalogQueries catalog;

    @Inject
    Exemptions(ScorecardDefinitions definitions, CatalogQueries catalog) {
        this.definitions = definitions;
        this.catalog = catalog;
    }

    /** An audit entry: what happened to which exemption, who did it, when. */
    public record AuditEntry(long id, String exemptionId, String action, String actor, Instant at, Exemption exemption) {
    }

    @Transactional
    public Exemption create(EntityRef entityRef, String checkId, String reason, String author, Instant expiresAt) {
        String ref = entityRef.toString();
        if (catalog.byRef(entityRef) == null) {
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
        // one exemption of a check for an entity at a time, on any replica: two identical requests sent at
        // once store one exemption and answer the other with 409
        ExemptionRow.getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "exemption\n" + ref + "\n" + checkId).getSingleResult();
        ExemptionRow waiving = ExemptionRow.<ExemptionRow>find("deletedAt is null and entityRef = ?1 and checkId = ?2"
                + " and (expiresAt is null or expiresAt > ?3) order by createdAt", ref, checkId, now).firstResult();
        if (waiving != null) {
            throw ServiceError.conflict("Exemption " + waiving.id + " already waives " + checkId + " for " + ref
                    + "; delete it first to replace it");
        }
        ExemptionRow row = new ExemptionRow();
        row.id = UUID.randomUUID();
        row.entityRef = ref;
        row.checkId = checkId;
        row.reason = reason.strip();
        row.author = author.strip();
        row.expiresAt = expiresAt;
        row.createdAt = now;
        row.persist();
        Exemption e = row.toExemption();
        audit(e, "created", e.author());
        return e;
    }

    /** Deletes an exemption (the audit log keeps it); returns it. */
    @Transactional
    public Exemption delete(String id, String actor) {
        ExemptionRow row = row(id);
        if (row == null) {
            throw ServiceError.notFound("No exemption with id " + id);
        }
        Exemption e = row.toExemption();
        row.deletedAt = Instant.now();
        row.deletedBy = actor;
        audit(e, "deleted", actor);
        return e;
    }

    @Transactional
    public Exemption get(String id) {
        ExemptionRow row = row(id);
        return row == null ? null : row.toExemption();
    }

    /** The exemption's row unless it is deleted (null for an id that is not a UUID). */
    private static ExemptionRow row(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return ExemptionRow.<ExemptionRow>find("id = ?1 and deletedAt is null", uuid).firstResult();
    }

    /** Exemptions not deleted, optionally of one entity; expired ones included only when asked. */
    @Transactional
    public List<Exemption> list(EntityRef entityRef, boolean includeExpired) {
        StringBuilder where = new StringBuilder("deletedAt is null");
        Map<String, Object> params = new HashMap<>();
        if (!includeExpired) {
            where.append(" and (expiresAt is null or expiresAt > :now)");
            params.put("now", Instant.now());
        }
        if (entityRef != null) {
            where.append(" and entityRef = :ref");
            params.put("ref", entityRef.toString());
        }
        return ExemptionRow.<ExemptionRow>find(where + " order by createdAt, id", params).stream()
                .map(ExemptionRow::toExemption).toList();
    }

    /** Active exemptions of these entities: entity → check id → exemption. */
    @Transactional
    public Map<String, Map<String, Exemption>> active(Collection<String> refs, Instant now) {
        Map<String, Map<String, Exemption>> out = new HashMap<>();
        if (refs.isEmpty()) {
            return out;
        }
        ExemptionRow.<ExemptionRow>stream("deletedAt is null and entityRef in ?1 and (expiresAt is null or expiresAt > ?2)",
                refs, now).forEach(r -> out.computeIfAbsent(r.entityRef, k -> new HashMap<>()).put(r.checkId,
                        r.toExemption()));
        return out;
    }

    /** Records the exemptions that have expired since last asked; returns their entities. */
    @Transactional
    public List<String> recordExpired(Instant now) {
        // one statement claims them, so with several replicas each expiry is recorded once
        @SuppressWarnings("unchecked")
        List<ExemptionRow> claimed = ExemptionRow.getEntityManager().createNativeQuery("update scoring_exemption"
                + " set expiry_recorded = true where deleted_at is null and not expiry_recorded and expires_at <= ?1"
                + " returning *", ExemptionRow.class).setParameter(1, now).getResultList();
        List<Exemption> expired = claimed.stream().map(ExemptionRow::toExemption).toList();
        for (Exemption e : expired) {
            audit(e, "expired", "system");
        }
        return expired.stream().map(Exemption::entityRef).distinct().toList();
    }

    @Transactional
    public List<AuditEntry> audit(EntityRef entityRef) {
        List<ExemptionAuditRow> rows = entityRef == null ? ExemptionAuditRow.listAll(Sort.by("id"))
                : ExemptionAuditRow.list("from ExemptionAuditRow where exemptionId in (select id from ExemptionRow"
                        + " where entityRef = ?1) order by id", entityRef.toString());
        List<AuditEntry> out = new ArrayList<>();
        for (ExemptionAuditRow r : rows) {
            try {
                out.add(new AuditEntry(r.id, r.exemptionId.toString(), r.action, r.actor, r.at,
                        JSON.readValue(r.exemption, Exemption.class)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static void audit(Exemption e, String action, String actor) {
        ExemptionAuditRow row = new ExemptionAuditRow();
        row.exemptionId = UUID.fromString(e.id());
        row.action = action;
        row.actor = actor;
        row.exemption = JSON.valueToTree(e).toString();
        row.persist();
    }
}
