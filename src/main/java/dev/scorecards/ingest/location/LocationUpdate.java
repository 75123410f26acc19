package dev.scorecards.ingest.location;

import dev.scorecards.db.ClusterLock;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.source.DocumentProblem;
import dev.scorecards.ingest.source.Rejection;
import dev.scorecards.ingest.source.SourceIngestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Pointing a registered location at a new type and target, keeping its id and its Location entity. */
@ApplicationScoped
class LocationUpdate {
    private final LocationStore store;
    private final LocationCrawler crawler;
    private final LocationReader reader;
    private final SourceIngestion ingestion;
    private final IngestConfig.Locations locationsConfig;
    private final ClusterLock clusterLock;

    @Inject
    LocationUpdate(LocationStore store, LocationCrawler crawler, LocationReader reader, SourceIngestion ingestion,
            IngestConfig.Locations locationsConfig, ClusterLock clusterLock) {
        this.store = store;
        this.crawler = crawler;
        this.reader = reader;
        this.ingestion = ingestion;
        this.locationsConfig = locationsConfig;
        this.clusterLock = clusterLock;
    }

    /**
     * {@code updateLocation}: points a registered location at a new type and target. It keeps its id
     * and its Location entity; the new target is read first, and one that cannot be read or holds a bad
     * document changes nothing (400, every problem listed).
     */
    Location update(String id, String type, String target) {
        if (type == null || type.isBlank() || target == null || target.isBlank()) {
            throw ServiceError.input("Malformed request: a location needs a non-empty type and target");
        }
        String normalised = reader.normalise(type, target);
        Location clash = store.byTarget(type, normalised);
        if (clash != null && !clash.id().equals(id)) { // Backstage answers the conflict before looking for the id
            throw ServiceError.conflict("Location " + type + ":" + normalised + " already exists");
        }
        Location existing = store.byId(id);
        if (existing == null) {
            throw ServiceError.notFound("Found no location with ID " + id);
        }
        reader.checkAllowed(type, normalised);
        String rootName = existing.entityRef().substring(existing.entityRef().indexOf('/') + 1);
        Location updated = new Location(existing.id(), type, normalised, existing.entityRef());
        String what = "location " + type + ":" + normalised;
        List<DocumentProblem> problems = new ArrayList<>();
        if (!clusterLock.runWaiting(LocationService.lockKey(existing), locationsConfig.readTimeout(), () -> {
            LocationCrawler.Crawl crawl = crawler.crawl(type, normalised, rootName);
            problems.addAll(crawl.problems());
            if (problems.isEmpty()) {
                retarget(existing, updated, crawl, what);
            }
        })) {
            throw ServiceError.unavailable("A refresh of location " + existing.type() + ":" + existing.target()
                    + " is still running; try again shortly");
        }
        if (!problems.isEmpty()) {
            throw Rejection.of(what, problems, problems.size());
        }
        return updated;
    }

    @Transactional
    void retarget(Location existing, Location updated, LocationCrawler.Crawl crawl, String what) {
        if (!store.retarget(existing, updated.type(), updated.target())) {
            throw ServiceError.conflict("Location " + updated.type() + ":" + updated.target() + " already exists");
        }
        ingestion.ingest(LocationService.SOURCE_PREFIX + existing.id(), true, crawl.candidates().iterator(), what);
    }
}
