package dev.scorecards.badges;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Colours as shields.io names them (brightgreen … lightgrey, and its aliases) or as hex, resolved to hex. */
public final class BadgeColor {
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("brightgreen", "#4c1"), Map.entry("green", "#97ca00"), Map.entry("yellowgreen", "#a4a61d"),
            Map.entry("yellow", "#dfb317"), Map.entry("orange", "#fe7d37"), Map.entry("red", "#e05d44"),
            Map.entry("blue", "#007ec6"), Map.entry("grey", "#555"), Map.entry("gray", "#555"),
            Map.entry("lightgrey", "#9f9f9f"), Map.entry("lightgray", "#9f9f9f"),
            Map.entry("success", "#4c1"), Map.entry("important", "#fe7d37"), Map.entry("critical", "#e05d44"),
            Map.entry("informational", "#007ec6"), Map.entry("inactive", "#9f9f9f"));
    private static final Pattern HEX = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");

    private BadgeColor() {
    }

    /** True when {@code color} is a shields name or a 3- or 6-digit hex colour. */
    public static boolean valid(String color) {
        return color != null && (NAMED.containsKey(color.toLowerCase(Locale.ROOT)) || HEX.matcher(color).matches());
    }

    /** The hex form ({@code #rgb} or {@code #rrggbb}) of a valid colour. */
    public static String hex(String color) {
        String named = NAMED.get(color.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        String h = color.toLowerCase(Locale.ROOT);
        return h.startsWith("#") ? h : "#" + h;
    }

    /** Whether dark text reads better than white on this colour (perceived brightness, as badge-maker decides). */
    static boolean light(String color) {
        String h = hex(color).substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        int rgb = Integer.parseInt(h, 16);
        double brightness = (0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255;
        return brightness >= 0.69;
    }
}
