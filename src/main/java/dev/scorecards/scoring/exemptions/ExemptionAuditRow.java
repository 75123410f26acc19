package dev.scorecards.scoring.exemptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code scoring_exemption_audit}: what happened to an exemption (created, deleted, expired), by whom. */
@Entity
@Table(name = "scoring_exemption_audit")
public class ExemptionAuditRow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "exemption_id")
    public UUID exemptionId;

    @NotBlank
    public String action;

    @NotBlank
    public String actor;

    /** Set by the database when the row is written. */
    @Column(insertable = false, updatable = false)
    public Instant at;

    /** The exemption as it was, as JSON (a jsonb column). */
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String exemption;
}
