package dev.scorecards.facts.pushed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A row of {@code facts_feedback}: one rating of a capability by a voter; only the newest is current. */
@Entity
@Table(name = "facts_feedback")
public class Rating extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    @Column(name = "entity_ref")
    public String entityRef;

    @NotBlank
    @Size(max = 200)
    public String voter;

    @NotBlank
    @Column(name = "identified_by")
    public String identifiedBy;

    @Min(1)
    @Max(5)
    public int score;

    @Size(max = Feedback.MAX_COMMENT)
    public String comment;

    public Instant at;

    public boolean current = true;
}
