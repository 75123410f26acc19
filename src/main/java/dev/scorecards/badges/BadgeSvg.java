package dev.scorecards.badges;

import java.util.Locale;

/**
 * Draws a badge: one pure function from a {@link Badge} to SVG text, shields.io's layout, with each
 * half as wide as its text measures in DejaVu Sans ({@link TextWidth}) plus the style's padding.
 * Every text is XML-escaped and given its measured {@code textLength}, so a browser drawing it in
 * another font (Verdana) still fits it in its half.
 */
public final class BadgeSvg {
    private static final String FONTS = "DejaVu Sans,Verdana,Geneva,sans-serif";

    private BadgeSvg() {
    }

    public static String render(Badge badge) {
        return render(badge, "");
    }

    /**
     * The SVG with {@code idSuffix} after its element ids (as badge-maker's {@code idSuffix}), so that
     * several badges drawn inline in one page do not share a gradient or clip path.
     */
    public static String render(Badge badge, String idSuffix) {
        BadgeStyle st = badge.style();
        String label = st.caps ? badge.label().toUpperCase(Locale.ROOT) : badge.label();
        String message = st.caps ? badge.message().toUpperCase(Locale.ROOT) : badge.message();
        double labelText = width(label, st, false);
        double messageText = width(message, st, st.caps);
        int lw = label.isEmpty() ? 0 : (int) Math.ceil(labelText) + 2 * st.padding;
        int mw = (int) Math.ceil(messageText) + 2 * st.padding;
        int w = lw + mw;
        int h = st.height;
        String color = BadgeColor.hex(badge.color());
        String title = escape(badge.label().isEmpty() ? badge.message() : badge.label() + ": " + badge.message());
        StringBuilder svg = new StringBuilder(1200);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                .append(title).append("\"><title>").append(title).append("</title>");
        if (st.gradient) {
            svg.append("<linearGradient id=\"s").append(idSuffix).append("\" x2=\"0\" y2=\"100%\"><stop offset=\"0\""
                    + " stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>");
        }
        if (st.radius > 0) {
            svg.append("<clipPath id=\"r").append(idSuffix).append("\"><rect width=\"").append(w).append("\" height=\"")
                    .append(h).append("\" rx=\"").append(st.radius).append("\" fill=\"#fff\"/></clipPath><g clip-path=\"url(#r")
                    .append(idSuffix).append(")\">");
        } else {
            svg.append("<g shape-rendering=\"crispEdges\">");
        }
        if (lw > 0) {
            svg.append("<rect width=\"").append(lw).append("\" height=\"").append(h).append("\" fill=\"")
                    .append(Badge.LABEL_COLOR).append("\"/>");
        }
        svg.append("<rect x=\"").append(lw).append("\" width=\"").append(mw).append("\" height=\"").append(h)
                .append("\" fill=\"").append(color).append("\"/>");
        if (st.gradient) {
            svg.append("<rect width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"url(#s")
                    .append(idSuffix).append(")\"/>");
        }
        svg.append("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"").append(FONTS)
                .append("\" text-rendering=\"geometricPrecision\" font-size=\"").append(number(st.fontSize)).append("\">");
        if (lw > 0) {
            text(svg, label, lw / 2.0, labelText, st, false, false);
        }
        text(svg, message, lw + mw / 2.0, messageText, st, st.caps, BadgeColor.light(color));
        return svg.append("</g></svg>").toString();
    }

    /** One text, with a faint shadow one pixel below it in the styles that have one. */
    private static void text(StringBuilder svg, String text, double x, double length, BadgeStyle st, boolean bold,
            boolean onLight) {
        String attrs = " x=\"" + number(x) + "\" textLength=\"" + number(length) + "\"" + (bold ? " font-weight=\"bold\"" : "");
        if (!st.caps) {
            svg.append("<text").append(attrs).append(" y=\"").append(st.baseline + 1).append("\" fill=\"")
                    .append(onLight ? "#ccc" : "#010101").append("\" fill-opacity=\".3\" aria-hidden=\"true\">")
                    .append(escape(text)).append("</text>");
        }
        svg.append("<text").append(attrs).append(" y=\"").append(st.baseline).append("\" fill=\"")
                .append(onLight ? "#333" : "#fff").append("\">").append(escape(text)).append("</text>");
    }

    /** The drawn width of a text in a style: its glyphs' advances plus the style's tracking after each. */
    static double width(String text, BadgeStyle st, boolean bold) {
        return TextWidth.of(text, st.fontSize, bold) + st.tracking * text.codePointCount(0, text.length());
    }

    /** A coordinate with at most one decimal. */
    private static String number(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t') {
                        out.append(' '); // control characters are not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
