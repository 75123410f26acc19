package dev.scorecards.ingest.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.processing.EntityProcessor;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.store.CatalogWriter;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.source.DocumentProblem;
import dev.scorecards.ingest.source.Rejection;
import dev.scorecards.ingest.source.SourceIngestion;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registered locations: register (or dry-run), list, delete, refresh on demand and on a schedule.
 * Each location is its own source, {@code location:<id>}; a refresh makes the source hold exactly
 * what the location yields now, and a refresh that fails leaves what was stored untouched.
 */
@ApplicationScoped
public class LocationService {
    private static final Logger LOG = Logger.getLogger(LocationService.class);
    static final String SOURCE_PREFIX = "location:";

    private final LocationStore store;
    private final LocationUpdate update;
    private final LocationCrawler crawler;
    private final LocationReader reader;
    private final SourceIngestion ingestion;
    private final EntityProcessor processor;
    private final CatalogWriter writer;
    private final CatalogQueries catalog;
    private final IngestConfig.Locations locationsConfig;
    private final dev.scorecards.db.ClusterLock clusterLock;

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    LocationService(LocationStore store, LocationUpdate update, LocationCrawler crawler, LocationReader reader,
            SourceIngestion ingestion, EntityProcessor processor, CatalogWriter writer, CatalogQueries catalog,
            IngestConfig.Locations locationsConfig, dev.scorecards.db.ClusterLock clusterLock) {
        this.store = store;
        this.update = update;
        this.crawler = crawler;
        this.reader = reader;
        this.ingestion = ingestion;
        this.processor = processor;
        this.writer = writer;
        this.catalog = catalog;
        this.locationsConfig = locationsConfig;
        this.clusterLock = clusterLock;
    }

    /** What registering answers: the location, the entities a dry run would store, and whether it exists. */
    public record Registration(Location location, List<JsonNode> entities, Boolean exists) {
    }

    public Registration register(String type, String target, boolean dryRun) {
        if (type == null || type.isBlank() || target == null || target.isBlank()) {
            throw ServiceError.input("Malformed request: a location needs a non-empty type and target");
        }
        String normalised = reader.normalise(type, target);
        reader.checkAllowed(type, normalised);
        Location existing = store.byTarget(type, normalised);
        if (existing != null && !dryRun) {
            throw ServiceError.conflict("Location " + type + ":" + normalised + " already exists");
        }
        String id = existing != null ? existing.id() : UUID.randomUUID().toString();
        Location location = new Location(id, type, normalised,
                "location:default/" + LocationCrawler.generatedName(type, normalised));
        String what = "location " + type + ":" + normalised;
        LocationCrawler.Crawl crawl = crawler.crawl(type, normalised);
        if (dryRun) {
            return new Registration(location, DryRun.process(processor, crawl, what), existing != null);
        }
        store(location, crawl, what);
        return new Registration(location, List.of(), null);
    }

    @Transactional
    void store(Location location, LocationCrawler.Crawl crawl, String what) {
        if (!store.insert(location)) { // registered at the same moment by another request
            throw ServiceError.conflict("Location " + location.type() + ":" + location.target() + " already exists");
        }
        ingestion.ingest(SOURCE_PREFIX + location.id(), true, crawl.lookup(ingestion.lookup(SOURCE_PREFIX + location.id())),
                what);
    }

    /** {@code updateLocation}: see {@link LocationUpdate}. */
    public Location update(String id, String type, String target) {
        return update.update(id, type, target);
    }

    public List<Location> list() {
        return store.all();
    }

    /**
     * One page of locations matching {@code predicate} (all when null), ordered by id, after
     * {@code afterId} (from the start when null), and how many match in all.
     */
    public LocationPage query(com.fasterxml.jackson.databind.JsonNode predicate, String afterId, int limit) {
        List<Location> matching = store.all().stream()
                .filter(l -> predicate == null || LocationPredicate.matches(predicate, l))
                .sorted(java.util.Comparator.comparing(Location::id)).toList();
        List<Location> page = matching.stream().filter(l -> afterId == null || l.id().compareTo(afterId) > 0)
                .limit(limit).toList();
        return new LocationPage(page, matching.size());
    }

    /** A page of locations and the number of matches in all. */
    public record LocationPage(List<Location> items, int totalItems) {
    }

    public Location get(String id) {
        Location l = store.byId(id);
        if (l == null) {
            throw ServiceError.notFound("Found no location with ID " + id);
        }
        return l;
    }

    /** Deletes the location and every entity it provided. */
    @Transactional
    public void delete(String id) {
        Location l = get(id);
        store.delete(l.id());
        writer.deleteSource(SOURCE_PREFIX + l.id());
    }

    /** The registered location whose processing led to the entity (its managed-by-origin-location). */
    public Location byEntity(String kind, String namespace, String name) {
        StoredEntity e = catalog.byRef(new EntityRef(kind, namespace, name));
        if (e == null) {
            throw ServiceError.notFound("No entity named '" + name + "' found, with kind '" + kind
                    + "' in namespace '" + namespace + "'");
        }
        String origin = annotation(e.json(), LocationCrawler.ORIGIN);
        int colon = origin == null ? -1 : origin.indexOf(':');
        Location l = colon < 1 ? null : store.byTarget(origin.substring(0, colon), origin.substring(colon + 1));
        if (l == null) {
            throw ServiceError.notFound("No location found for entity " + e.ref());
        }
        return l;
    }

    /** {@code POST /refresh}: reads the location that provided the entity again, now. */
    public void refreshEntity(String entityRef) {
        if (entityRef == null || entityRef.isBlank()) {
            throw ServiceError.input("Malformed request: entityRef is required");
        }
        StoredEntity e;
        try {
            e = catalog.byRef(EntityRef.parse(entityRef));
        } catch (IllegalArgumentException invalid) {
            throw ServiceError.input("Malformed request: " + invalid.getMessage());
        }
        if (e == null) {
            throw ServiceError.notFound("Entity " + entityRef + " not found");
        }
        if (e.source().startsWith(SOURCE_PREFIX)) {
            Location l = store.byId(e.source().substring(SOURCE_PREFIX.length()));
            if (l != null) {
                List<DocumentProblem> problems = new ArrayList<>();
                // a refresh of the same location running elsewhere is waited for, then this one reads it again
                if (!clusterLock.runWaiting(lockKey(l), locationsConfig.readTimeout(), () -> problems.addAll(read(l)))) {
                    throw ServiceError.unavailable("A refresh of location " + l.type() + ":" + l.target()
                            + " is still running; try again shortly");
                }
                if (!problems.isEmpty()) {
                    throw Rejection.of("location " + l.type() + ":" + l.target(), problems, problems.size());
                }
            }
        }
    }

    /**
     * Reads one location again, unless it is being read right now (by any replica, on demand or on
     * schedule), which refreshes it anyway; returns the problems that kept the stored entities unchanged, if any.
     */
    public List<DocumentProblem> refresh(Location l) {
        List<DocumentProblem> problems = new ArrayList<>();
        clusterLock.runOnce(lockKey(l), () -> problems.addAll(read(l)));
        return problems;
    }

    /** One location at a time: a slow read must not commit over a newer one. */
    static String lockKey(Location l) {
        return SOURCE_PREFIX + l.id();
    }

    private List<DocumentProblem> read(Location l) {
        String what = "location " + l.type() + ":" + l.target();
        List<DocumentProblem> problems = List.of();
        try {
            ingestion.ingest(SOURCE_PREFIX + l.id(), true,
                    crawler.crawl(l.type(), l.target(), l.entityRef().substring(l.entityRef().indexOf('/') + 1))
                            .lookup(ingestion.lookup(SOURCE_PREFIX + l.id())), what);
        } catch (ServiceError e) {
            @SuppressWarnings("unchecked")
            List<DocumentProblem> listed = (List<DocumentProblem>) e.details().getOrDefault("documents", List.of());
            problems = listed.isEmpty() ? List.of(new DocumentProblem(0, what, null, "", e.getMessage())) : listed;
        }
        String error = problems.isEmpty() ? null : problems.get(0).message();
        store.refreshed(l.id(), error);
        if (error != null) {
            LOG.warnf("Refreshing %s failed, its entities are kept as they were: %s", what, error);
        }
        return problems;
    }

    /**
     * Refreshes every location not read within the interval. One replica at a time: a replica whose
     * tick finds another refreshing skips it, and the next one sees those locations freshly read.
     */
    @Scheduled(every = "${scorecards.locations.refresh-interval}", delayed = "${scorecards.locations.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshDue() {
        try {
            clusterLock.runOnce("ingest.locations.refresh", this::refreshDueHere);
        } catch (RuntimeException e) { // the database is unreachable: the next tick tries again
            LOG.warnf("Refreshing locations skipped: %s", e.getMessage());
        }
    }

    private void refreshDueHere() {
        long seconds = Math.max(1, locationsConfig.refreshInterval().toSeconds() * 9 / 10);
        for (Location l : store.due(seconds)) {
            try {
                refresh(l);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Refreshing location %s:%s failed", l.type(), l.target());
            }
        }
    }

    private String annotation(String entityJson, String key) {
        try {
            JsonNode v = json.readTree(entityJson).path("metadata").path("annotations").get(key);
            return v == null ? null : v.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
