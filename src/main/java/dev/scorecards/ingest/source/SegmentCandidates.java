package dev.scorecards.ingest.source;

import dev.scorecards.ingest.parse.ParsedDocument;
import dev.scorecards.ingest.parse.YamlSegments;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The candidates of one YAML input cut into documents ({@link YamlSegments}): the texts of a batch are
 * hashed and looked up first (one query), and a text the source's entity was stored from is offered
 * as {@link Candidate#known} without being parsed; the others are parsed, in order, when reached, and
 * carry their text's hash when they are one document. Texts {@code hashable} refuses (placeholders,
 * whose targets may change) are always parsed, and their content is hashed as before.
 */
public final class SegmentCandidates implements Iterator<Candidate> {
    private static final int BATCH = 500;

    private final Iterator<YamlSegments.Segment> segments;
    private final String context;
    private final Predicate<YamlSegments.Segment> hashable;
    private final Function<Collection<String>, Map<String, String>> lookup;
    private final String location;
    private final String parentRef;
    private final Function<ParsedDocument, Candidate> convert;
    private final Deque<Object[]> batch = new ArrayDeque<>();
    private final Deque<Candidate> ready = new ArrayDeque<>();

    /**
     * @param lookup   which of these text hashes the source's stored entities came from (hash → ref);
     *                 null: nothing is hashed (nothing will be stored)
     * @param convert  the candidate a parsed document becomes (placeholders, annotations)
     */
    public SegmentCandidates(YamlSegments input, String context, Predicate<YamlSegments.Segment> hashable,
            Function<Collection<String>, Map<String, String>> lookup, String location, String parentRef,
            Function<ParsedDocument, Candidate> convert) {
        this.segments = input.segments().iterator();
        this.context = context;
        this.hashable = hashable;
        this.lookup = lookup;
        this.location = location;
        this.parentRef = parentRef;
        this.convert = convert;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (batch.isEmpty() && !fill()) {
                return false;
            }
            Object[] next = batch.poll();
            YamlSegments.Segment s = (YamlSegments.Segment) next[0];
            String hash = (String) next[1];
            String ref = (String) next[2];
            if (ref != null) {
                ready.add(Candidate.known(s.skipped(), location, parentRef, hash, ref));
                continue;
            }
            List<ParsedDocument> docs = s.parse();
            for (ParsedDocument d : docs) {
                Candidate c = convert.apply(d);
                ready.add(hash != null && docs.size() == 1 && c.problem() == null
                        ? new Candidate(c.index(), c.location(), c.content(), c.parentRef(), null, hash, null) : c);
            }
        }
        return true;
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** Hashes and looks up the next batch of texts; false when there are none left. */
    private boolean fill() {
        List<Object[]> rows = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        while (rows.size() < BATCH && segments.hasNext()) {
            YamlSegments.Segment s = segments.next();
            String hash = lookup != null && hashable.test(s) ? s.hash(context) : null;
            rows.add(new Object[] {s, hash, null});
            if (hash != null) {
                hashes.add(hash);
            }
        }
        Map<String, String> known = hashes.isEmpty() ? Map.of() : lookup.apply(hashes);
        for (Object[] row : rows) {
            row[2] = row[1] == null ? null : known.get((String) row[1]);
            batch.add(row);
        }
        return !rows.isEmpty();
    }
}
