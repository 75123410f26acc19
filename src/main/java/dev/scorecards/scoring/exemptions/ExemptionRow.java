package dev.scorecards.scoring.exemptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code scoring_exemption}: an exemption with its life cycle (deleted, expiry recorded). */
@Entity
@Table(name = "scoring_exemption")
public class ExemptionRow extends PanacheEntityBase {
    @Id
    public UUID id;

    @NotBlank
    @Column(name = "entity_ref")
    public String entityRef;

    @NotBlank
    @Column(name = "check_id")
    public String checkId;

    @NotBlank
    @Size(max = 2000)
    public String reason;

    @NotBlank
    public String author;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    @Column(name = "expiry_recorded")
    public boolean expiryRecorded;

    Exemption toExemption() {
        return new Exemption(id.toString(), entityRef, checkId, reason, author, expiresAt, createdAt);
    }
}
