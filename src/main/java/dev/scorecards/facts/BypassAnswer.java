package dev.scorecards.facts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A row of {@code facts_bypass_reason}: why one team goes around a capability; only the team's
 * newest answer is current, the earlier ones are kept.
 */
@Entity
@Table(name = "facts_bypass_reason")
public class BypassAnswer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    @Column(name = "entity_ref")
    public String entityRef;

    @NotBlank
    @Column(name = "team_ref")
    public String teamRef;

    @NotBlank
    public String reason;

    @Size(max = BypassReasons.MAX_COMMENT)
    public String comment;

    @Size(max = 300)
    public String instead;

    @Size(max = 200)
    @Column(name = "answered_by")
    public String answeredBy;

    @NotBlank
    @Column(name = "identified_by")
    public String identifiedBy;

    public Instant at;

    public boolean current = true;
}
