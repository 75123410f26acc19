package dev.scorecards.badges;

import dev.scorecards.errors.ServiceError;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shapes a badge comes in, as shields.io names them: its height, font size, side padding, corner
 * radius, whether it has the gloss gradient, and whether its text is upper-cased, tracked and bold on the right.
 */
public enum BadgeStyle {
    FLAT("flat", 20, 11, 6, 3, true, false, 0, 14),
    FLAT_SQUARE("flat-square", 20, 11, 6, 0, false, false, 0, 14),
    FOR_THE_BADGE("for-the-badge", 28, 10, 12, 0, false, true, 1.25, 18);

    final String id;
    final int height;
    final float fontSize;
    final int padding;
    final int radius;
    final boolean gradient;
    /** Upper-case text, the message in bold. */
    final boolean caps;
    /** Extra space after every character, in pixels. */
    final double tracking;
    /** Baseline of the text. */
    final int baseline;

    BadgeStyle(String id, int height, float fontSize, int padding, int radius, boolean gradient, boolean caps,
            double tracking, int baseline) {
        this.id = id;
        this.height = height;
        this.fontSize = fontSize;
        this.padding = padding;
        this.radius = radius;
        this.gradient = gradient;
        this.caps = caps;
        this.tracking = tracking;
        this.baseline = baseline;
    }

    public String id() {
        return id;
    }

    /** The style a {@code style} parameter names; absent means flat, anything unknown is a 400. */
    public static BadgeStyle parse(String value) {
        if (value == null || value.isBlank()) {
            return FLAT;
        }
        for (BadgeStyle s : values()) {
            if (s.id.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw ServiceError.input("Invalid style '" + value + "': one of "
                + Arrays.stream(values()).map(BadgeStyle::id).collect(Collectors.joining(", ")));
    }
}
