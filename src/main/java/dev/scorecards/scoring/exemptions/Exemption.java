package dev.scorecards.scoring.exemptions;

import java.time.Instant;

/** A waiver of one check for one entity, with who granted it, why, and until when (null: no end). */
public record Exemption(String id, String entityRef, String checkId, String reason, String author,
        Instant expiresAt, Instant createdAt) {

    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
