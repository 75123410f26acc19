package dev.scorecards.badges;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How wide text is drawn in the bundled DejaVu Sans (regular or bold), from the font's own advance
 * widths read through java.awt (headless), kept per character once measured. A character the font
 * lacks (CJK, for instance) counts as one em, the width of a full-width glyph.
 */
public final class TextWidth {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Font REGULAR;
    private static final Font BOLD;
    /** Advance at 1 px per code point, per weight. */
    private static final Map<Integer, Double> REGULAR_ADVANCES = new ConcurrentHashMap<>();
    private static final Map<Integer, Double> BOLD_ADVANCES = new ConcurrentHashMap<>();

    static {
        System.setProperty("java.awt.headless", "true");
        REGULAR = load("badges/DejaVuSans.ttf");
        BOLD = load("badges/DejaVuSans-Bold.ttf");
    }

    private TextWidth() {
    }

    /** The width of {@code text} at {@code size} px, in pixels, before any rounding. */
    public static double of(String text, float size, boolean bold) {
        Font font = bold ? BOLD : REGULAR;
        Map<Integer, Double> advances = bold ? BOLD_ADVANCES : REGULAR_ADVANCES;
        double em = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            em += advances.computeIfAbsent(cp, c -> advance(font, c));
        }
        return em * size;
    }

    private static double advance(Font font, int codePoint) {
        if (Character.getType(codePoint) == Character.NON_SPACING_MARK) {
            return 0;
        }
        if (!font.canDisplay(codePoint)) {
            return 1;
        }
        return font.getStringBounds(new String(Character.toChars(codePoint)), FRC).getWidth();
    }

    private static Font load(String resource) {
        try (InputStream in = TextWidth.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }
}
