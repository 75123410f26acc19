package dev.scorecards.badges;

/**
 * What a badge shows: a label on the left (may be empty, then only the message is drawn), a message
 * on the right in {@code color} (a shields name or hex), in one style.
 */
public record Badge(String label, String message, String color, BadgeStyle style) {
    /** The left half's colour, as on shields.io. */
    static final String LABEL_COLOR = "#555";
}
