package dev.scorecards.scoring.results;

/** What a check says about an entity. A missing fact is never silently a FAIL. */
public enum CheckState {
    PASS,
    FAIL,
    /** The check's applicability filter excludes the entity. */
    NOT_APPLICABLE,
    /** A fact the check needs has no value for the entity. */
    NOT_REPORTED,
    /** Evaluating the check failed; the message is kept. */
    ERROR,
    /** It does not pass, but an active exemption waives it. */
    EXEMPT;

    /** Counts as held for levels. */
    public boolean holds() {
        return this == PASS || this == EXEMPT || this == NOT_APPLICABLE;
    }
}
