package dev.scorecards.facts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A row of {@code facts_bypass_reason}: why one team goes around a capability; only the team's
 * newest answer is current, the earlier ones are kept.
 */
@Entity
@Table(name = "facts_bypass_reason")
public class BypassAnswer extends CurrentAnswer {
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

    @Override
    protected String voterField() {
        return "teamRef";
    }

    @Override
    protected String voter() {
        return teamRef;
    }
}
