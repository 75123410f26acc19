package dev.scorecards.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The badge renderer, a pure function (not an HTTP test): widths from the bundled font's metrics,
 * layout per style, escaping. What the service serves is tested over HTTP in BadgesTest.
 */
class BadgeSvgTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int width(String svg) throws Exception {
        return Integer.parseInt(parse(svg).getDocumentElement().getAttribute("width"));
    }

    @Test
    void widthsComeFromTheFontsAdvances() {
        // DejaVu Sans advances (units per em 2048): W 2025, i 569, so 4 × 2025 / 2048 × 11 and 4 × 569 / 2048 × 11
        assertEquals(43.505859375, TextWidth.of("WWWW", 11, false), 1e-9);
        assertEquals(12.224609375, TextWidth.of("iiii", 11, false), 1e-9);
        assertEquals(49.29052734375, TextWidth.of("Adoption", 11, false), 1e-9);
        assertTrue(TextWidth.of("Gold", 10, true) > TextWidth.of("Gold", 10, false), "bold is wider");
        // a character the font lacks counts as one em
        assertEquals(33.0, TextWidth.of("日本語", 11, false), 1e-9);
        // accents are glyphs of their own in the font, wider than the plain letters' sum would be wrong to assume
        assertEquals(44.60693359375, TextWidth.of("Ünïcödé", 11, false), 1e-9);
    }

    @Test
    void eachHalfIsItsTextRoundedUpPlusPadding() throws Exception {
        // ceil(43.51) + 12 = 56 for the label, ceil(width of "x") + 12 for the message
        int message = (int) Math.ceil(TextWidth.of("x", 11, false)) + 12;
        assertEquals(56 + message, width(BadgeSvg.render(new Badge("WWWW", "x", "red", BadgeStyle.FLAT))));
        assertEquals(25 + message, width(BadgeSvg.render(new Badge("iiii", "x", "red", BadgeStyle.FLAT))));
        assertEquals(62 + 38, width(BadgeSvg.render(new Badge("Adoption", "Gold", "brightgreen", BadgeStyle.FLAT))));
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        String svg = BadgeSvg.render(new Badge("<script>&\"'", "</text><x a='1'>", "red", BadgeStyle.FLAT));
        assertFalse(svg.contains("<script>") || svg.contains("<x "), svg);
        assertTrue(svg.contains(">&lt;script&gt;&amp;&quot;&apos;</text>"), svg);
        assertTrue(svg.contains("<title>&lt;script&gt;&amp;&quot;&apos;: &lt;/text&gt;&lt;x a=&apos;1&apos;&gt;</title>"), svg);
        Document doc = parse(svg);
        assertEquals("<script>&\"': </text><x a='1'>", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("<script>&\"': </text><x a='1'>", doc.getDocumentElement().getAttribute("aria-label"));
    }

    @Test
    void theHalvesFillTheDeclaredWidthAtAnyLength() throws Exception {
        String longText = "A very long label that keeps going ".repeat(6).trim();
        for (BadgeStyle style : BadgeStyle.values()) {
            for (String[] texts : new String[][] {{"i", "W"}, {"", "alone"}, {longText, longText}, {"日本語", "Ünïcödé"},
                    {"WWWW", "iiii"}}) {
                Document doc = parse(BadgeSvg.render(new Badge(texts[0], texts[1], "green", style)));
                Element root = doc.getDocumentElement();
                int width = Integer.parseInt(root.getAttribute("width"));
                assertEquals("0 0 " + width + " " + root.getAttribute("height"), root.getAttribute("viewBox"));
                NodeList rects = doc.getElementsByTagName("rect");
                int sum = 0;
                int labelHalf = 0;
                int messageHalf = 0;
                for (int i = 0; i < rects.getLength(); i++) {
                    Element r = (Element) rects.item(i);
                    if (r.getParentNode().getNodeName().equals("g") && !r.getAttribute("fill").startsWith("url(")) {
                        int w = Integer.parseInt(r.getAttribute("width"));
                        sum += w;
                        if (r.hasAttribute("x")) {
                            messageHalf = w;
                        } else {
                            labelHalf = w;
                        }
                    }
                }
                assertEquals(width, sum, style + " " + texts[0]);
                boolean caps = style == BadgeStyle.FOR_THE_BADGE;
                NodeList text = doc.getElementsByTagName("text");
                for (int i = 0; i < text.getLength(); i++) {
                    Element t = (Element) text.item(i);
                    boolean label = !texts[0].isEmpty() && i < text.getLength() / 2;
                    String shown = caps ? texts[label ? 0 : 1].toUpperCase() : texts[label ? 0 : 1];
                    assertEquals(shown, t.getTextContent());
                    double length = Double.parseDouble(t.getAttribute("textLength"));
                    assertEquals(Math.round(BadgeSvg.width(shown, style, !label && caps) * 10) / 10.0, length, 1e-9);
                    // the text fits its half with the style's padding on both sides, and no more than a pixel to spare
                    int half = label ? labelHalf : messageHalf;
                    assertTrue(length <= half - 2 * style.padding + 0.05 && length > half - 2 * style.padding - 1.05,
                            style + " '" + shown + "' " + length + " in " + half);
                }
            }
        }
        assertEquals(1, parse(BadgeSvg.render(new Badge("", "alone", "green", BadgeStyle.FLAT))).getElementsByTagName("rect")
                .getLength() - 2, "without a label only the message is drawn");
    }

    @Test
    void stylesDifferInHeightCornersAndCase() throws Exception {
        Badge flat = new Badge("Adoption", "Gold", "brightgreen", BadgeStyle.FLAT);
        String f = BadgeSvg.render(flat);
        String sq = BadgeSvg.render(new Badge("Adoption", "Gold", "brightgreen", BadgeStyle.FLAT_SQUARE));
        String big = BadgeSvg.render(new Badge("Adoption", "Gold", "brightgreen", BadgeStyle.FOR_THE_BADGE));
        assertEquals("20", parse(f).getDocumentElement().getAttribute("height"));
        assertEquals("20", parse(sq).getDocumentElement().getAttribute("height"));
        assertEquals("28", parse(big).getDocumentElement().getAttribute("height"));
        assertTrue(f.contains("rx=\"3\"") && !sq.contains("rx="));
        // for-the-badge: 10 px capitals with 1.25 px after each, the message bold; padding 12
        int label = (int) Math.ceil(TextWidth.of("ADOPTION", 10, false) + 8 * 1.25) + 24;
        int message = (int) Math.ceil(TextWidth.of("GOLD", 10, true) + 4 * 1.25) + 24;
        assertEquals(label + message, width(big));
        assertEquals(BadgeSvg.render(flat), f, "rendering is a pure function");
    }

    @Test
    void anIdSuffixFollowsEveryElementIdAndEveryReferenceToOne() {
        Badge flat = new Badge("Adoption", "Gold", "brightgreen", BadgeStyle.FLAT);
        String plain = BadgeSvg.render(flat);
        assertTrue(plain.contains("id=\"s\"") && plain.contains("url(#s)") && plain.contains("id=\"r\"")
                && plain.contains("url(#r)"), plain);
        String suffixed = BadgeSvg.render(flat, "-7-2");
        assertEquals(plain.replace("id=\"s\"", "id=\"s-7-2\"").replace("url(#s)", "url(#s-7-2)")
                .replace("id=\"r\"", "id=\"r-7-2\"").replace("url(#r)", "url(#r-7-2)"), suffixed);
        assertEquals(plain, BadgeSvg.render(flat, ""));
    }

    @Test
    void darkTextOnLightColours() {
        assertTrue(BadgeSvg.render(new Badge("a", "b", "#eeeeee", BadgeStyle.FLAT)).contains("fill=\"#333\">b</text>"));
        assertTrue(BadgeSvg.render(new Badge("a", "b", "red", BadgeStyle.FLAT)).contains("fill=\"#fff\">b</text>"));
    }
}
