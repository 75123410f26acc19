package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.parse.DocumentSyntaxError;
import dev.scorecards.ingest.parse.ParseLimits;
import dev.scorecards.ingest.parse.YamlSegments;
import dev.scorecards.ingest.parse.Placeholders;
import dev.scorecards.ingest.source.Candidate;
import dev.scorecards.ingest.source.SegmentCandidates;
import dev.scorecards.ingest.source.DocumentProblem;
import dev.scorecards.ingest.source.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Follows a registered location as Backstage does: a generated Location entity for it, then every
 * file its targets name, recursively through the Location entities found there (relative targets
 * resolved against the file that names them), with the managed-by annotations set on every entity
 * and placeholders resolved.
 */
@ApplicationScoped
public class LocationCrawler {
    /** A text naming a Location (whose targets are read) or a placeholder (whose target may change) is parsed. */
    private static final java.util.function.Predicate<YamlSegments.Segment> HASHABLE =
            YamlSegments.containingNone("Location", "\\", "$text", "$json", "$yaml");
    public static final String MANAGED_BY = "backstage.io/managed-by-location";
    public static final String ORIGIN = "backstage.io/managed-by-origin-location";
    static final String SOURCE_LOCATION = "backstage.io/source-location";
    static final String VIEW_URL = "backstage.io/view-url";
    static final String EDIT_URL = "backstage.io/edit-url";

    private final LocationReader reader;
    private final IngestConfig.Locations locationsConfig;
    private final IngestConfig.Ingest ingestConfig;

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    LocationCrawler(LocationReader reader, IngestConfig.Locations locationsConfig, IngestConfig.Ingest ingestConfig) {
        this.reader = reader;
        this.locationsConfig = locationsConfig;
        this.ingestConfig = ingestConfig;
    }

    /**
     * What a location yields, read lazily: the documents, file by file as they are asked for (so a
     * location's size never sits in memory at once), and once the last file is read, if any file
     * could not be read or parsed, a 400 listing those problems instead of the end. After the first
     * problem the remaining files are still read (to list every problem) but no more documents are
     * handed out.
     */
    public final class Crawl implements Iterator<Candidate> {
        private final String origin;
        private final String what;
        private final ParseLimits limits = ParseLimits.of(ingestConfig);
        private final Deque<Pending> queue = new ArrayDeque<>();
        private final Set<String> visited = new HashSet<>();
        private final List<DocumentProblem> problems = new ArrayList<>();
        private final Deque<Candidate> ready = new ArrayDeque<>();
        private Pending current;
        private Iterator<String> targets = java.util.Collections.emptyIterator();
        private String ltype;
        private boolean required;
        private List<Candidate> drained;
        private java.util.function.Function<java.util.Collection<String>, java.util.Map<String, String>> lookup;

        private Crawl(String origin, String what, Candidate root, Pending rootPending) {
            this.origin = origin;
            this.what = what;
            ready.add(root);
            queue.add(rootPending);
        }

        /**
         * Hashes each document's text before parsing it and asks {@code lookup} which of those hashes
         * the source's stored entities came from: those documents are not parsed or processed again.
         */
        public Crawl lookup(java.util.function.Function<java.util.Collection<String>, java.util.Map<String, String>> l) {
            this.lookup = l;
            return this;
        }

        /** Reads everything at once (for dry runs and analyses): the problems found, without throwing. */
        public List<DocumentProblem> problems() {
            drain();
            return problems;
        }

        /** Reads everything at once: every document (none once there is a problem). */
        public List<Candidate> candidates() {
            drain();
            return drained;
        }

        private void drain() {
            if (drained != null) {
                return;
            }
            drained = new ArrayList<>();
            while (true) {
                while (ready.isEmpty() && step()) {
                    // read the next file
                }
                if (ready.isEmpty()) {
                    return;
                }
                drained.add(ready.poll());
            }
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && step()) {
                // read the next file
            }
            if (!ready.isEmpty()) {
                return true;
            }
            if (!problems.isEmpty()) {
                throw Rejection.of(what, problems, problems.size());
            }
            return false;
        }

        @Override
        public Candidate next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return ready.poll();
        }

        /** Reads the next target (or starts the next Location's); false when nothing is left. */
        private boolean step() {
            if (!targets.hasNext()) {
                if (queue.isEmpty()) {
                    return false;
                }
                current = queue.poll();
                JsonNode spec = current.entity().path("spec");
                ltype = spec.path("type").asText(current.type());
                required = !"optional".equals(spec.path("presence").asText("required"));
                List<String> list = new ArrayList<>();
                if (spec.path("target").isTextual()) {
                    list.add(spec.get("target").asText());
                }
                spec.path("targets").forEach(t -> list.add(t.asText()));
                targets = list.iterator();
                return true;
            }
            Pending loc = current;
            String raw = targets.next();
            String where = loc.type() + ":" + loc.file();
            if (ltype.equals("file") && raw.endsWith("/")) {
                problems.add(new DocumentProblem(0, where, loc.ref(), "spec.target",
                        "LocationEntityProcessor cannot handle file type location with target " + raw
                                + " that ends with a path separator"));
                return true;
            }
            String file;
            try {
                file = ltype.equals(loc.type()) ? reader.resolve(ltype, loc.file(), raw) : raw;
            } catch (ServiceError e) {
                problems.add(new DocumentProblem(0, where, loc.ref(), "spec.target", e.getMessage()));
                return true;
            }
            String key = ltype + ":" + file;
            if (!visited.add(key)) {
                return true;
            }
            if (visited.size() > locationsConfig.maxFiles()) {
                problems.add(new DocumentProblem(0, key, loc.ref(), "spec.target",
                        "More than " + locationsConfig.maxFiles() + " files under " + origin));
                queue.clear();
                targets = java.util.Collections.emptyIterator();
                return false;
            }
            String content;
            try {
                content = reader.read(ltype, file);
            } catch (LocationMissing e) {
                if (required) {
                    problems.add(new DocumentProblem(0, key, loc.ref(), "spec.target", e.getMessage()));
                }
                return true;
            } catch (ServiceError e) {
                problems.add(new DocumentProblem(0, key, loc.ref(), "spec.target", e.getMessage()));
                return true;
            }
            List<Candidate> found = new ArrayList<>();
            readFile(ltype, file, origin, content, loc, limits, found, problems, queue, lookup);
            if (problems.isEmpty()) {
                ready.addAll(found);
            }
            return true;
        }
    }

    private record Pending(JsonNode entity, String ref, String type, String file, int depth) {
    }

    /** The generated Location entity's name for a location: {@code generated-<sha1 of "type:target">}. */
    public static String generatedName(String type, String target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((type + ":" + target).getBytes(StandardCharsets.UTF_8));
            return "generated-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documents of the location {@code type:target}, read as they are iterated. */
    public Crawl crawl(String type, String target) {
        return crawl(type, target, generatedName(type, target));
    }

    /**
     * Crawls a location whose generated Location entity keeps the name it was given at registration
     * (an updated location keeps its entity, as Backstage keeps {@code location_entity_ref}).
     */
    public Crawl crawl(String type, String target, String rootName) {
        String origin = type + ":" + target;
        ObjectNode root = json.createObjectNode();
        root.put("apiVersion", "backstage.io/v1alpha1");
        root.put("kind", "Location");
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", rootName);
        metadata.put("namespace", EntityRef.DEFAULT_NAMESPACE);
        metadata.putObject("annotations").put(MANAGED_BY, origin).put(ORIGIN, origin);
        root.putObject("spec").put("type", type).put("target", target).put("presence", "required");
        String rootRef = "location:default/" + rootName;
        return new Crawl(origin, "location " + origin, new Candidate(0, origin, root, null, null),
                new Pending(root, rootRef, type, target, 0));
    }

    private void readFile(String type, String file, String origin, String content, Pending parent, ParseLimits limits,
            List<Candidate> candidates, List<DocumentProblem> problems, Deque<Pending> queue,
            java.util.function.Function<java.util.Collection<String>, java.util.Map<String, String>> lookup) {
        String key = type + ":" + file;
        Placeholders.Reader placeholderReader = t -> {
            String resolved = reader.resolve(type, file, t);
            if (type.equals("url") && !LocationAnnotations.sameHost(file, resolved)) {
                throw ServiceError.input("Placeholder may only reference files from the same repository as the entity");
            }
            return reader.read(type, resolved);
        };
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            Iterator<Candidate> docs = new SegmentCandidates(YamlSegments.of(bytes, limits),
                    key + "\u0000" + origin + "\u0000" + parent.ref(), HASHABLE, lookup, key, parent.ref(), d -> {
                        JsonNode doc = d.content();
                        if (doc instanceof ObjectNode entity && entity.get("metadata") instanceof ObjectNode metadata) {
                            LocationAnnotations.annotate(metadata, type, file, origin);
                        }
                        try {
                            doc = Placeholders.resolve(doc, placeholderReader, limits);
                            return new Candidate(d.index(), key, doc, parent.ref(), null);
                        } catch (Placeholders.Unresolved e) {
                            return new Candidate(d.index(), key, doc, parent.ref(), e.problem());
                        }
                    });
            while (docs.hasNext()) {
                Candidate candidate = docs.next();
                candidates.add(candidate);
                JsonNode doc = candidate.content();
                if (doc != null && "Location".equals(doc.path("kind").asText())
                        && doc.path("metadata").path("name").isTextual()) {
                    String ns = doc.path("metadata").path("namespace").asText(EntityRef.DEFAULT_NAMESPACE);
                    String ref = new EntityRef("location", ns, doc.path("metadata").path("name").asText()).toString();
                    if (parent.depth() + 1 > locationsConfig.maxDepth()) {
                        problems.add(new DocumentProblem(candidate.index(), key, ref, "spec.targets",
                                "Locations nest deeper than " + locationsConfig.maxDepth() + " levels"));
                    } else {
                        queue.add(new Pending(doc, ref, type, file, parent.depth() + 1));
                    }
                }
            }
        } catch (DocumentSyntaxError e) {
            problems.add(new DocumentProblem(e.index(), key, null, "", e.getMessage()));
        }
    }
}
