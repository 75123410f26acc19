package dev.scorecards.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.catalog.processing.EntityProcessor;
import dev.scorecards.catalog.processing.ProcessingResult;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.location.LocationCrawler;
import dev.scorecards.ingest.parse.DocumentReader;
import dev.scorecards.ingest.parse.DocumentSyntaxError;
import dev.scorecards.ingest.parse.LimitedInputStream;
import dev.scorecards.ingest.parse.ParseLimits;
import dev.scorecards.ingest.parse.ParsedDocument;
import dev.scorecards.ingest.parse.Placeholders;
import dev.scorecards.ingest.parse.YamlSegments;
import dev.scorecards.ingest.source.Candidate;
import dev.scorecards.ingest.source.IngestResult;
import dev.scorecards.ingest.source.SegmentCandidates;
import dev.scorecards.ingest.source.SourceIngestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /api/catalog/ingest}: a pushed set of documents for one named source. */
@ApplicationScoped
public class IngestService {
    /** A text naming a placeholder (whose target may change) is parsed, never taken as unchanged by its hash. */
    private static final java.util.function.Predicate<YamlSegments.Segment> HASHABLE =
            YamlSegments.containingNone("$text", "$json", "$yaml");
    private static final Pattern SOURCE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    static final String PUSH_PREFIX = "push:";

    private final SourceIngestion ingestion;
    private final EntityProcessor processor;
    private final IngestConfig.Ingest ingestConfig;

    @Inject
    IngestService(SourceIngestion ingestion, EntityProcessor processor, IngestConfig.Ingest ingestConfig) {
        this.ingestion = ingestion;
        this.processor = processor;
        this.ingestConfig = ingestConfig;
    }

    /**
     * Ingests a multi-document YAML or JSON body into the source {@code name}; {@code mode} is
     * {@code full} (the source holds exactly these documents) or {@code delta} (upsert).
     */
    public IngestResult push(String name, String mode, InputStream body, boolean json) {
        if (name == null || !SOURCE_NAME.matcher(name).matches()) {
            throw ServiceError.input("Invalid source '" + name
                    + "': expected 1-100 characters of [A-Za-z0-9._-], starting with a letter or digit");
        }
        boolean full = parseMode(mode);
        ParseLimits limits = ParseLimits.of(ingestConfig);
        InputStream limited = new LimitedInputStream(body, limits.maxBodyBytes(), "The request body");
        try (DocumentReader reader = json ? DocumentReader.open(limited, true, limits) : null) {
            Iterator<Candidate> candidates = json ? parsed(reader, limits) : texts(limited, limits, PUSH_PREFIX + name);
            IngestResult r = ingestion.ingest(PUSH_PREFIX + name, full, candidates, "the request");
            return new IngestResult(r.ingestion(), name, r.mode(), r.documents(), r.created(), r.updated(),
                    r.unchanged(), r.removed(), r.conflicts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON documents as they are parsed. */
    private static Iterator<Candidate> parsed(DocumentReader reader, ParseLimits limits) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public Candidate next() {
                return candidate(reader.next(), limits);
            }
        };
    }

    /**
     * YAML documents cut apart and hashed as text before parsing: those the source stored are not
     * parsed again. The body is read when checking starts (on the checking thread, as the parser would).
     */
    private Iterator<Candidate> texts(InputStream body, ParseLimits limits, String source) {
        return new Iterator<>() {
            private Iterator<Candidate> documents;

            private Iterator<Candidate> documents() {
                if (documents == null) {
                    byte[] bytes;
                    try {
                        bytes = body.readAllBytes();
                    } catch (IOException e) {
                        throw new DocumentSyntaxError(0, 0, "YAML error: " + e.getMessage());
                    }
                    documents = new SegmentCandidates(YamlSegments.of(bytes, limits), "push", HASHABLE,
                            ingestion.lookup(source), null, null, d -> candidate(d, limits));
                }
                return documents;
            }

            @Override
            public boolean hasNext() {
                return documents().hasNext();
            }

            @Override
            public Candidate next() {
                return documents().next();
            }
        };
    }

    private static Candidate candidate(ParsedDocument d, ParseLimits limits) {
        try {
            JsonNode content = Placeholders.resolve(d.content(), null, limits);
            return new Candidate(d.index(), null, content, null, null);
        } catch (Placeholders.Unresolved e) {
            return new Candidate(d.index(), null, d.content(), null, e.problem());
        }
    }

    /**
     * {@code POST /validate-entity}: runs the whole processing over one entity without storing it,
     * as if read from {@code location} ({@code url:<target>}); returns Backstage's serialized errors
     * (none when valid).
     */
    public List<Map<String, String>> validate(JsonNode entity, String location) {
        int colon = location == null ? -1 : location.indexOf(':');
        String type = colon < 1 ? "" : location.substring(0, colon).trim();
        if (!type.equals("url") || location.substring(colon + 1).isBlank()) {
            return List.of(Map.of("name", "TypeError", "message", "Invalid location ref " + location
                    + ", only 'url:<target>' is supported, e.g. url:https://host/path"));
        }
        if (entity == null || !entity.isObject() || !entity.path("metadata").isObject()) {
            return List.of(Map.of("name", "TypeError", "message",
                    "Malformed envelope, <root> must have required property 'metadata'"));
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = entity.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode metadata =
                (com.fasterxml.jackson.databind.node.ObjectNode) copy.get("metadata");
        com.fasterxml.jackson.databind.node.ObjectNode annotations = metadata.objectNode();
        annotations.put(LocationCrawler.MANAGED_BY, location);
        annotations.put(LocationCrawler.ORIGIN, location);
        if (metadata.get("annotations") instanceof com.fasterxml.jackson.databind.node.ObjectNode given) {
            annotations.setAll(given);
        }
        metadata.set("annotations", annotations);
        ProcessingResult r = processor.process(copy);
        return r.problems().stream()
                .map(p -> Map.of("name", "InputError", "message", p.backstageMessage(r.ref())))
                .toList();
    }

    private static boolean parseMode(String mode) {
        if (mode == null || mode.equals("delta")) {
            return false;
        }
        if (mode.equals("full")) {
            return true;
        }
        throw ServiceError.input("Invalid mode '" + mode + "': expected 'full' or 'delta'");
    }
}
