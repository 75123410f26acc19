package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.source.Candidate;
import dev.scorecards.ingest.source.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code analyzeLocation}: what registering a target would bring. A catalog file (.yaml, .yml, .json)
 * is read as a dry run and its entities come back as existing entity files; any other URL (a
 * repository) gets the Component Backstage proposes when no SCM analyzer finds a file: named after the
 * repository, with the integration's project-slug annotation for GitHub, GitLab, Bitbucket and Azure.
 */
@ApplicationScoped
public class LocationAnalyzer {
    /** The annotation prefix Backstage's default SCM integrations give, by host. */
    private static final Map<String, String> SLUG_PREFIX = Map.of("github.com", "github.com",
            "gitlab.com", "gitlab.com", "bitbucket.org", "bitbucket.org", "dev.azure.com", "dev.azure.com");

    private final LocationCrawler crawler;
    private final LocationReader reader;
    private final LocationStore store;

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    LocationAnalyzer(LocationCrawler crawler, LocationReader reader, LocationStore store) {
        this.crawler = crawler;
        this.reader = reader;
        this.store = store;
    }

    /** An entity a catalog file holds, where it was found, and whether that file is a registered location. */
    public record ExistingEntityFile(Map<String, String> location, boolean isRegistered, JsonNode entity) {
    }

    /** An entity to create, with the fields a user should fill in (none: Backstage proposes none either). */
    public record GeneratedEntity(JsonNode entity, List<Object> fields) {
    }

    /** The answer: existing files, or entities to generate. */
    public record Analysis(List<ExistingEntityFile> existingEntityFiles, List<GeneratedEntity> generateEntities) {
    }

    public Analysis analyze(String type, String target) {
        if (type == null || type.isBlank() || target == null || target.isBlank()) {
            throw ServiceError.input("Malformed request: location.type and location.target must be non-empty");
        }
        if (isCatalogFile(target)) {
            return existing(type, target);
        }
        URI uri = url(target);
        List<String> path = Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        String[] ownerName = ownerAndName(host, path);
        ObjectNode entity = json.createObjectNode();
        entity.put("apiVersion", "backstage.io/v1alpha1").put("kind", "Component");
        ObjectNode metadata = entity.putObject("metadata").put("name", ownerName[1]);
        String prefix = SLUG_PREFIX.get(host);
        if (prefix != null) {
            metadata.putObject("annotations").put(prefix + "/project-slug", ownerName[0] + "/" + ownerName[1]);
        }
        entity.putObject("spec").put("type", "other").put("lifecycle", "unknown");
        return new Analysis(List.of(), List.of(new GeneratedEntity(entity, List.of())));
    }

    private Analysis existing(String type, String target) {
        String normalised = reader.normalise(type, target);
        reader.checkAllowed(type, normalised);
        LocationCrawler.Crawl crawl = crawler.crawl(type, normalised);
        if (!crawl.problems().isEmpty()) {
            throw Rejection.of("location " + type + ":" + normalised, crawl.problems(), crawl.problems().size());
        }
        List<ExistingEntityFile> out = new ArrayList<>();
        for (Candidate c : crawl.candidates().subList(1, crawl.candidates().size())) { // 0: the generated root
            int colon = c.location().indexOf(':');
            String fileType = c.location().substring(0, colon);
            String file = c.location().substring(colon + 1);
            out.add(new ExistingEntityFile(Map.of("type", fileType, "target", file),
                    store.byTarget(fileType, file) != null, c.content()));
        }
        return new Analysis(out, List.of());
    }

    private static boolean isCatalogFile(String target) {
        String path = target.replaceAll("[?#].*$", "").toLowerCase(java.util.Locale.ROOT);
        return path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json");
    }

    private static URI url(String target) {
        try {
            URI uri = new URI(target);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getPath() == null) {
                throw new URISyntaxException(target, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ServiceError.input("The given location.target is not a URL");
        }
    }

    /** Owner and repository name as Backstage's git-url-parse reads them from a repository URL. */
    static String[] ownerAndName(String host, List<String> path) {
        if (path.isEmpty()) {
            throw ServiceError.input("The given location.target is not a URL");
        }
        List<String> segments = path;
        if (host.equals("dev.azure.com") && path.size() >= 4 && path.get(2).equals("_git")) {
            return new String[] {path.get(1), path.get(3)};
        }
        if (host.equals("github.com") || host.equals("bitbucket.org")) {
            segments = path.subList(0, Math.min(2, path.size()));
        } else if (path.contains("-")) { // GitLab: /group/sub/repo/-/blob/…
            segments = path.subList(0, path.indexOf("-"));
        }
        String name = segments.get(segments.size() - 1).replaceFirst("\\.git$", "");
        String owner = String.join("/", segments.subList(0, segments.size() - 1));
        return new String[] {owner, name};
    }
}
