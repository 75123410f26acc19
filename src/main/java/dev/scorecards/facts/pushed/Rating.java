package dev.scorecards.facts.pushed;

import dev.scorecards.facts.CurrentAnswer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A row of {@code facts_feedback}: one rating of a capability by a voter; only the newest is current. */
@Entity
@Table(name = "facts_feedback")
public class Rating extends CurrentAnswer {
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

    @Override
    protected String voterField() {
        return "voter";
    }

    @Override
    protected String voter() {
        return voter;
    }
}
