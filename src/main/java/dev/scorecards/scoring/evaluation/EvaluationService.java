package dev.scorecards.scoring.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.CatalogChanged;
import dev.scorecards.catalog.CatalogChangedElsewhere;
import dev.scorecards.catalog.ChangeSet;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.Capabilities;
import dev.scorecards.facts.CapabilityFacts;
import dev.scorecards.facts.FactNames;
import dev.scorecards.facts.FactsConfig;
import dev.scorecards.facts.SignalFacts;
import dev.scorecards.facts.SupportLoad;
import dev.scorecards.facts.pushed.FactsPushed;
import dev.scorecards.facts.pushed.Feedback;
import dev.scorecards.facts.pushed.PushedFacts;
import dev.scorecards.scoring.exemptions.Exemption;
import dev.scorecards.scoring.exemptions.Exemptions;
import dev.scorecards.scoring.results.Evaluated;
import dev.scorecards.scoring.results.FirstAdopter;
import dev.scorecards.scoring.results.ResultStore;
import dev.scorecards.scoring.results.ResultWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import dev.scorecards.scoring.ScoringConfig;
import org.jboss.logging.Logger;

/**
 * When capabilities are evaluated: all of them at start and on a schedule; after every catalog
 * change only those whose inputs changed (the entity, or a neighbour across a relation); after
 * pushed facts, exemption changes and expiries; and on demand. One worker thread does all of it, in
 * order; small changes are waited for, so the request that caused them answers with fresh scores.
 */
@ApplicationScoped
public class EvaluationService {
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final int CHUNK = 1000;
    private static final int BACKGROUND_CHUNK = 200;

    private final Capabilities capabilities;
    private final Evaluator evaluator;
    private final ResultStore store;
    private final ResultWriter writer;
    private final Exemptions exemptions;
    private final PushedFacts pushedFacts;
    private final Feedback feedback;
    private final SupportLoad supportLoad;
    private final CatalogQueries catalog;
    private final FactsConfig.Facts factsSettings;
    private final EvaluationMetrics metrics;

    private final ScoringConfig.Evaluation config;
    private final BackgroundPace pace;

    private final ScoringWorker worker = new ScoringWorker();
    private final ChunkWriter chunks = new ChunkWriter(2);

    @Inject
    EvaluationService(Capabilities capabilities, Evaluator evaluator, ResultStore store, ResultWriter writer,
            Exemptions exemptions, PushedFacts pushedFacts, Feedback feedback, SupportLoad supportLoad,
            CatalogQueries catalog, FactsConfig.Facts factsSettings, EvaluationMetrics metrics,
            ScoringConfig.Evaluation config, BackgroundPace pace) {
        this.capabilities = capabilities;
        this.evaluator = evaluator;
        this.store = store;
        this.writer = writer;
        this.exemptions = exemptions;
        this.pushedFacts = pushedFacts;
        this.feedback = feedback;
        this.supportLoad = supportLoad;
        this.catalog = catalog;
        this.factsSettings = factsSettings;
        this.metrics = metrics;
        this.config = config;
        this.pace = pace;
    }

    /** What an evaluation did: capabilities evaluated, results changed, time spent (of which reading the catalog). */
    public record Outcome(int evaluated, int changed, long millis, long loadMillis) {
    }

    void start(@Observes StartupEvent event) {
        worker.submit(() -> reloadAndEvaluateAll(0));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        chunks.shutdownNow();
    }

    void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged event) {
        ChangeSet c = event.changes();
        Set<String> changed = new HashSet<>(c.created());
        changed.addAll(c.updated());
        changed.addAll(c.removed());
        if (changed.isEmpty()) {
            return;
        }
        boolean background = changed.size() > config.syncLimit();
        Future<Outcome> f = worker.submit(() -> {
            long t0 = System.nanoTime();
            Set<String> affected = capabilities.update(changed);
            long t1 = System.nanoTime();
            Outcome o = metrics.measure(EvaluationMetrics.INCREMENTAL,
                    () -> evaluateNow(affected, event.ingestion(), background));
            LOG.debugf("A change of %d entities: graph updated in %d ms, %d capabilities evaluated in %d ms",
                    changed.size(), (t1 - t0) / 1_000_000, o.evaluated(), o.millis());
            return o;
        });
        if (!background) {
            ScoringWorker.await(f);
        }
    }

    /** Another replica changed the catalog: this replica's graph follows; that replica stores the new results. */
    void changedElsewhere(@Observes CatalogChangedElsewhere event) {
        worker.submit(() -> {
            if (event.all()) {
                capabilities.loadAll();
            } else {
                capabilities.update(event.refs());
            }
            return new Outcome(0, 0, 0, 0);
        });
    }

    void factsPushed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FactsPushed event) {
        ScoringWorker.await(worker.submit(() -> evaluate(event.entityRefs(), 0)));
    }

    /** Re-evaluates one capability now; 404 when the entity is not a capability. */
    public Outcome evaluate(EntityRef capability) {
        String ref = capability.toString();
        if (!capabilities.isCapability(ref)) {
            throw ServiceError.notFound("No capability " + ref);
        }
        return ScoringWorker.await(worker.submit(() -> evaluate(List.of(ref), 0)));
    }

    /** Reads the whole catalog again and evaluates every capability. */
    public Outcome evaluateAll() {
        return ScoringWorker.await(worker.submit(() -> reloadAndEvaluateAll(0)));
    }

    /** Re-evaluates the entities of exemptions that were just created, deleted or expired. */
    public void exemptionsChanged(Collection<String> refs) {
        ScoringWorker.await(worker.submit(() -> evaluate(refs, 0)));
    }

    @Scheduled(every = "${scorecards.evaluation.interval:1h}", delayed = "${scorecards.evaluation.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        worker.submit(() -> reloadAndEvaluateAll(0));
    }

    @Scheduled(every = "${scorecards.evaluation.expiry-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expiries() {
        List<String> refs = exemptions.recordExpired(Instant.now());
        if (!refs.isEmpty()) {
            worker.submit(() -> evaluate(refs, 0));
        }
    }

    private Outcome reloadAndEvaluateAll(long ingestion) {
        return metrics.measure(EvaluationMetrics.FULL, () -> reloadAndEvaluateAllNow(ingestion));
    }

    private Outcome reloadAndEvaluateAllNow(long ingestion) {
        long t0 = System.nanoTime();
        capabilities.loadAll();
        long loaded = System.nanoTime();
        Outcome o = evaluateNow(capabilities.all(), ingestion, false);
        writer.markRemoved(store.storedRefs().stream().filter(r -> !capabilities.isCapability(r)).toList(), Instant.now());
        store.analyse();
        store.forgetVersion(); // a full evaluation also sees results changed behind the service (a restore, a wipe)
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("Evaluated all %d capabilities in %d ms (catalog graph loaded in %d ms), %d results changed",
                o.evaluated(), millis, (loaded - t0) / 1_000_000, o.changed());
        return new Outcome(o.evaluated(), o.changed(), millis, (loaded - t0) / 1_000_000);
    }

    /** Evaluates these capabilities (those that are no longer capabilities are marked removed). */
    Outcome evaluate(Collection<String> refs, long ingestion) {
        return metrics.measure(EvaluationMetrics.INCREMENTAL, () -> evaluateNow(refs, ingestion, false));
    }

    /**
     * Evaluates in chunks; in the {@code background} (after a big change nobody waits for) in smaller
     * chunks paced so that reads keep a core while there are reads ({@link BackgroundPace}), stored
     * quietly: this replica's readers see them within a second, and all of them at once at the end.
     */
    private Outcome evaluateNow(Collection<String> refs, long ingestion, boolean background) {
        long t0 = System.nanoTime();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what PostgreSQL keeps
        List<String> all = new ArrayList<>(refs);
        int evaluated = 0;
        List<String> gone = new ArrayList<>();
        int size = background ? BACKGROUND_CHUNK : CHUNK;
        int changed;
        try {
            for (int from = 0; from < all.size(); from += size) {
                BackgroundPace.Mark started = pace.mark();
                List<String> chunk = all.subList(from, Math.min(all.size(), from + size));
                List<CapabilityFacts> facts = capabilities.facts(chunk);
                Set<String> present = new HashSet<>();
                facts.forEach(f -> present.add(f.ref()));
                chunk.stream().filter(r -> !present.contains(r)).forEach(gone::add);
                List<Evaluated> results = evaluateChunk(facts, now, ingestion);
                evaluated += results.size();
                chunks.store(() -> writer.save(results, ingestion, now, background));
                if (background) {
                    pace.after(started);
                }
            }
            changed = chunks.finish();
        } catch (RuntimeException e) {
            chunks.discard();
            throw e;
        } finally {
            if (background) {
                store.forgetVersion(); // its chunks were stored quietly
            }
        }
        writer.markRemoved(gone, now);
        return new Outcome(evaluated, changed, (System.nanoTime() - t0) / 1_000_000, 0);
    }

    private List<Evaluated> evaluateChunk(List<CapabilityFacts> facts, Instant now, long ingestion) {
        List<String> refs = facts.stream().map(CapabilityFacts::ref).toList();
        Map<String, Map<String, Object>> entities = new HashMap<>();
        Map<String, Long> firstIngestion = new HashMap<>();
        Map<String, Instant> createdAt = new HashMap<>();
        catalog.raw(refs, raw -> {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = JSON.readValue(raw.json(), Map.class);
                entities.put(raw.ref(), map);
                firstIngestion.put(raw.ref(), raw.firstIngestion());
                createdAt.put(raw.ref(), raw.createdAt());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Map<String, Object>> pushed = pushedFacts.latest(refs);
        Map<String, Feedback.Satisfaction> satisfaction = feedback.facts(refs);
        Map<String, FirstAdopter.Stored> firstSeen = store.firstSeen(refs);
        Duration window = factsSettings.trendWindow();
        Map<String, Long> before = store.consumersSince(refs, now.minus(window));
        Map<String, Double> load = supportLoad.totals(refs, now.minus(window));
        Map<String, Map<String, Exemption>> active = exemptions.active(refs, now);
        List<Evaluated> out = new ArrayList<>();
        for (CapabilityFacts f : facts) {
            Long earlier = before.get(f.ref());
            long first = firstIngestion.getOrDefault(f.ref(), 0L);
            Instant created = createdAt.getOrDefault(f.ref(), now);
            FirstAdopter adopter = FirstAdopter.of(firstSeen.get(f.ref()), created, first, f.consumerCount(),
                    ingestion, now);
            Feedback.Satisfaction rated = satisfaction.get(f.ref());
            SignalFacts signals = new SignalFacts(earlier == null ? 0L : f.consumerCount() - earlier, adopter.days(),
                    rated.count(), rated.mean(), rated.csat(), load.get(f.ref()),
                    SupportLoad.perTeam(load.get(f.ref()), f.facts().consumingTeamCount()));
            Map<String, Object> values = new LinkedHashMap<>(pushed.getOrDefault(f.ref(), Map.of()));
            values.putAll(FactNames.asMap(f.facts()));
            values.putAll(FactNames.asMap(signals));
            Evaluator.Inputs in = new Evaluator.Inputs(entities.getOrDefault(f.ref(), Map.of()), values,
                    f.relations(), active.getOrDefault(f.ref(), Map.of()));
            out.add(new Evaluated(f, values, evaluator.evaluate(in, now), first, created, adopter));
        }
        return out;
    }
}
