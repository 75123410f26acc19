package dev.scorecards.notifications;

import java.util.Arrays;
import java.util.List;

/** What a subscription can ask to be told about; {@link #wire()} is the name in events and headers. */
public enum EventType {
    LEVEL_CHANGED("level-changed"),
    CHECK_REGRESSED("check-regressed"),
    FIRST_ADOPTER("first-adopter"),
    BYPASS_DETECTED("bypass-detected"),
    SATISFACTION_DROPPED("satisfaction-dropped"),
    CAMPAIGN_DUE_SOON("campaign-due-soon"),
    CAMPAIGN_MISSED("campaign-missed"),
    CAMPAIGN_COMPLETED("campaign-completed");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EventType::wire).toList();
    }

    /** The type with this wire name, or null. */
    public static EventType of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst().orElse(null);
    }
}
