package dev.scorecards.techinsights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that is not ours (an exemption's reason, a pushed fact's value, an entity's name inside a
 * check's reason) made inert inside Markdown: one line, and every character that could open markup
 * (emphasis, code, links, images, raw HTML, tables, strike-through) backslash-escaped, so that it
 * renders as the characters it holds.
 */
final class MarkdownText {
    private static final Pattern MARKUP = Pattern.compile("[\\\\`*_\\[\\]<|~&]");

    private MarkdownText() {
    }

    static String escape(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
        return MARKUP.matcher(oneLine).replaceAll(m -> "\\\\" + Matcher.quoteReplacement(m.group()));
    }
}
