package dev.scorecards.ingest.parse;

import dev.scorecards.catalog.processing.InputHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One YAML input (a request body or a file) cut at its document markers ({@code ---} at the start of
 * a line), so that each document's text can be hashed before anything is parsed, and parsed on its
 * own only when its hash is not stored. An input the cut could misread (a directive, a NUL byte, a
 * byte order mark other than UTF-8's) is one segment whose hash is null: it is always parsed.
 * Documents are numbered as one reader of the whole input numbers them; when a segment cannot be
 * parsed on its own, the whole input is read again by one reader and its error is the one reported.
 */
public final class YamlSegments {
    private static final List<String> PARSING = List.of(
            "dev/scorecards/ingest/parse/YamlSegments.class",
            "dev/scorecards/ingest/parse/DocumentReader.class",
            "dev/scorecards/ingest/parse/LineLengthGuard.class",
            "dev/scorecards/ingest/parse/Placeholders.class",
            "dev/scorecards/ingest/location/LocationAnnotations.class",
            "dev/scorecards/ingest/location/LocationCrawler.class",
            "dev/scorecards/ingest/push/IngestService.class",
            "dev/scorecards/errors/StorableText.class");

    /** Whether a segment's text contains none of these ASCII strings as written (no escape is decoded). */
    public static java.util.function.Predicate<Segment> containingNone(String... ascii) {
        Needles needles = new Needles(ascii);
        return s -> !s.containsAny(needles);
    }

    /** ASCII strings to look for in a segment's text, with the table of their first bytes that makes the look cheap. */
    private static final class Needles {
        private final byte[][] needles;
        private final boolean[] first = new boolean[256];

        Needles(String... ascii) {
            needles = new byte[ascii.length][];
            for (int n = 0; n < ascii.length; n++) {
                needles[n] = ascii[n].getBytes(StandardCharsets.US_ASCII);
                first[needles[n][0] & 0xff] = true;
            }
        }
    }

    private final byte[] bytes;
    private final ParseLimits limits;
    private final boolean cut;
    private final List<Segment> segments = new ArrayList<>();
    private int nextIndex;

    /** One document's text: bytes {@code from} to {@code to} of the input. */
    public final class Segment {
        private final int from;
        private final int to;

        private Segment(int from, int to) {
            this.from = from;
            this.to = to;
        }

        /**
         * The hash of this text as read in {@code context} (where it was read from, through which
         * Location), over the parsing's and the processing's code; null when the input was not cut.
         */
        public String hash(String context) {
            return cut ? InputHash.ofText(bytes, from, to, PARSING, context + "\u0000" + limits) : null;
        }

        /** Whether the text contains any of these strings as written (no escape is decoded); one pass. */
        private boolean containsAny(Needles needles) {
            boolean[] first = needles.first;
            for (int i = from; i < to; i++) {
                if (first[bytes[i] & 0xff]) {
                    for (byte[] needle : needles.needles) {
                        if (bytes[i] == needle[0] && startsWith(i, needle)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private boolean startsWith(int at, byte[] needle) {
            if (at + needle.length > to) {
                return false;
            }
            for (int j = 1; j < needle.length; j++) {
                if (bytes[at + j] != needle[j]) {
                    return false;
                }
            }
            return true;
        }

        /** This document was taken as stored without parsing: it still takes its number (returned). */
        public int skipped() {
            return nextIndex++;
        }

        /** Parses the documents of this text (none if it holds only a null), numbered after the earlier ones. */
        public List<ParsedDocument> parse() {
            List<ParsedDocument> out = new ArrayList<>(1);
            try (DocumentReader r = DocumentReader.open(new ByteArrayInputStream(bytes, from, to - from), false, limits,
                    nextIndex)) {
                while (r.hasNext()) {
                    out.add(r.next());
                }
            } catch (DocumentSyntaxError e) {
                throw asWhole(e);
            } catch (IOException e) {
                throw new DocumentSyntaxError(nextIndex, 0, e.getMessage());
            }
            nextIndex += out.size();
            return out;
        }
    }

    private YamlSegments(byte[] bytes, ParseLimits limits) {
        this.bytes = bytes;
        this.limits = limits;
        this.cut = cuttable(bytes);
        if (!cut) {
            segments.add(new Segment(0, bytes.length));
            return;
        }
        int start = 0;
        for (int line = 0; line < bytes.length;) {
            int end = line;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (line > start && marker(bytes, line, end)) {
                add(start, line);
                start = line;
            }
            line = end + 1;
        }
        add(start, bytes.length);
    }

    /** Cuts {@code bytes} (UTF-8 YAML) into its documents. */
    public static YamlSegments of(byte[] bytes, ParseLimits limits) {
        return new YamlSegments(bytes, limits);
    }

    /** The documents' texts, in order, without those holding nothing but markers, comments and blanks. */
    public List<Segment> segments() {
        return segments;
    }

    private void add(int from, int to) {
        if (!blank(from, to)) {
            segments.add(new Segment(from, to));
        }
    }

    /** The error one reader of the whole input reports (the segment's own when that reader finds none). */
    private DocumentSyntaxError asWhole(DocumentSyntaxError own) {
        try (DocumentReader r = DocumentReader.open(new ByteArrayInputStream(bytes), false, limits)) {
            while (r.hasNext()) {
                r.next();
            }
        } catch (DocumentSyntaxError e) {
            return e;
        } catch (IOException | RuntimeException e) {
            return own;
        }
        return own;
    }

    /** A line {@code ---} alone or followed by a blank: a document starts there. */
    private static boolean marker(byte[] b, int line, int end) {
        return end - line >= 3 && b[line] == '-' && b[line + 1] == '-' && b[line + 2] == '-'
                && (end - line == 3 || b[line + 3] == ' ' || b[line + 3] == '\t' || b[line + 3] == '\r');
    }

    /** Only blank lines, comments and document markers without content. */
    private boolean blank(int from, int to) {
        for (int line = from; line < to;) {
            int end = line;
            while (end < to && bytes[end] != '\n') {
                end++;
            }
            int i = line;
            boolean markerLine = marker(bytes, line, end) || (end - line >= 3 && bytes[line] == '.'
                    && bytes[line + 1] == '.' && bytes[line + 2] == '.');
            if (markerLine) {
                i += 3;
            }
            while (i < end && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r')) {
                i++;
            }
            if (i < end && bytes[i] != '#') {
                return false;
            }
            line = end + 1;
        }
        return true;
    }

    /** No NUL byte (UTF-16 or 32, or binary), no directive line ({@code %YAML}, {@code %TAG}). */
    private static boolean cuttable(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0 || (b[i] == '%' && (i == 0 || b[i - 1] == '\n'))) {
                return false;
            }
        }
        return !(b.length >= 2 && ((b[0] & 0xff) == 0xfe || (b[0] & 0xff) == 0xff));
    }
}
