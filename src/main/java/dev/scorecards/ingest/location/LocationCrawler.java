package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.parse.DocumentReader;
import dev.scorecards.ingest.parse.DocumentSyntaxError;
import dev.scorecards.ingest.parse.ParseLimits;
import dev.scorecards.ingest.parse.ParsedDocument;
import dev.scorecards.ingest.parse.Placeholders;
import dev.scorecards.ingest.source.Candidate;
import dev.scorecards.ingest.source.DocumentProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
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
    public static final String MANAGED_BY = "backstage.io/managed-by-location";
    public static final String ORIGIN = "backstage.io/managed-by-origin-location";
    static final String SOURCE_LOCATION = "backstage.io/source-location";
    static final String VIEW_URL = "backstage.io/view-url";
    static final String EDIT_URL = "backstage.io/edit-url";

    @Inject
    LocationReader reader;
    @Inject
    IngestConfig.Locations locationsConfig;
    @Inject
    IngestConfig.Ingest ingestConfig;

    private final ObjectMapper json = new ObjectMapper();

    /** Everything a location yields: documents to ingest, or the problems that stop it. */
    public record Crawl(String rootRef, List<Candidate> candidates, List<DocumentProblem> problems) {
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

        List<Candidate> candidates = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        candidates.add(new Candidate(0, origin, root, null, null));
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(root, rootRef, type, target, 0));
        Set<String> visited = new HashSet<>();
        ParseLimits limits = ParseLimits.of(ingestConfig);

        while (!queue.isEmpty()) {
            Pending loc = queue.poll();
            JsonNode spec = loc.entity().path("spec");
            String ltype = spec.path("type").asText(loc.type());
            boolean required = !"optional".equals(spec.path("presence").asText("required"));
            List<String> targets = new ArrayList<>();
            if (spec.path("target").isTextual()) {
                targets.add(spec.get("target").asText());
            }
            spec.path("targets").forEach(t -> targets.add(t.asText()));
            for (String raw : targets) {
                String where = loc.type() + ":" + loc.file();
                if (ltype.equals("file") && raw.endsWith("/")) {
                    problems.add(new DocumentProblem(0, where, loc.ref(), "spec.target",
                            "LocationEntityProcessor cannot handle file type location with target " + raw
                                    + " that ends with a path separator"));
                    continue;
                }
                String file;
                try {
                    file = ltype.equals(loc.type()) ? reader.resolve(ltype, loc.file(), raw) : raw;
                } catch (ServiceError e) {
                    problems.add(new DocumentProblem(0, where, loc.ref(), "spec.target", e.getMessage()));
                    continue;
                }
                String key = ltype + ":" + file;
                if (!visited.add(key)) {
                    continue;
                }
                if (visited.size() > locationsConfig.maxFiles()) {
                    problems.add(new DocumentProblem(0, key, loc.ref(), "spec.target",
                            "More than " + locationsConfig.maxFiles() + " files under " + origin));
                    return new Crawl(rootRef, candidates, problems);
                }
                String content;
                try {
                    content = reader.read(ltype, file);
                } catch (LocationMissing e) {
                    if (required) {
                        problems.add(new DocumentProblem(0, key, loc.ref(), "spec.target", e.getMessage()));
                    }
                    continue;
                } catch (ServiceError e) {
                    problems.add(new DocumentProblem(0, key, loc.ref(), "spec.target", e.getMessage()));
                    continue;
                }
                readFile(ltype, file, origin, content, loc, limits, candidates, problems, queue);
            }
        }
        return new Crawl(rootRef, candidates, problems);
    }

    private void readFile(String type, String file, String origin, String content, Pending parent, ParseLimits limits,
            List<Candidate> candidates, List<DocumentProblem> problems, Deque<Pending> queue) {
        String key = type + ":" + file;
        Placeholders.Reader placeholderReader = t -> {
            String resolved = reader.resolve(type, file, t);
            if (type.equals("url") && !sameHost(file, resolved)) {
                throw ServiceError.input("Placeholder may only reference files from the same repository as the entity");
            }
            return reader.read(type, resolved);
        };
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (DocumentReader docs = DocumentReader.open(new ByteArrayInputStream(bytes), false, limits)) {
            while (docs.hasNext()) {
                ParsedDocument d = docs.next();
                JsonNode doc = d.content();
                if (doc instanceof ObjectNode entity && entity.get("metadata") instanceof ObjectNode metadata) {
                    annotate(metadata, type, file, origin);
                }
                Candidate candidate;
                try {
                    doc = Placeholders.resolve(doc, placeholderReader, limits);
                    candidate = new Candidate(d.index(), key, doc, parent.ref(), null);
                } catch (Placeholders.Unresolved e) {
                    candidate = new Candidate(d.index(), key, doc, parent.ref(), e.problem());
                }
                candidates.add(candidate);
                if ("Location".equals(doc.path("kind").asText()) && doc.path("metadata").path("name").isTextual()) {
                    String ns = doc.path("metadata").path("namespace").asText(EntityRef.DEFAULT_NAMESPACE);
                    String ref = new EntityRef("location", ns, doc.path("metadata").path("name").asText()).toString();
                    if (parent.depth() + 1 > locationsConfig.maxDepth()) {
                        problems.add(new DocumentProblem(d.index(), key, ref, "spec.targets",
                                "Locations nest deeper than " + locationsConfig.maxDepth() + " levels"));
                    } else {
                        queue.add(new Pending(doc, ref, type, file, parent.depth() + 1));
                    }
                }
            }
        } catch (DocumentSyntaxError e) {
            problems.add(new DocumentProblem(e.index(), key, null, "", e.getMessage()));
        } catch (java.io.IOException e) {
            problems.add(new DocumentProblem(0, key, null, "", e.getMessage()));
        }
    }

    /** Sets managed-by annotations (always overwritten) and, for url files, source/view/edit urls (given ones win). */
    private static void annotate(ObjectNode metadata, String type, String file, String origin) {
        JsonNode existing = metadata.get("annotations");
        ObjectNode annotations = existing instanceof ObjectNode o ? o : metadata.putObject("annotations");
        annotations.put(MANAGED_BY, type + ":" + file);
        annotations.put(ORIGIN, origin);
        if (type.equals("url")) {
            String dir = file.substring(0, file.lastIndexOf('/') + 1);
            if (!annotations.has(SOURCE_LOCATION)) {
                annotations.put(SOURCE_LOCATION, "url:" + dir);
            }
            if (!annotations.has(VIEW_URL)) {
                annotations.put(VIEW_URL, file);
            }
            if (!annotations.has(EDIT_URL) && file.contains("/blob/") && !file.matches(".*/[0-9a-f]{40}/.*")) {
                annotations.put(EDIT_URL, file.replaceFirst("/blob/", "/edit/"));
            }
        }
    }

    private static boolean sameHost(String a, String b) {
        try {
            return URI.create(a).getHost().equalsIgnoreCase(URI.create(b).getHost());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
