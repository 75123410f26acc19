package dev.scorecards.facts;

import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityFilter;
import dev.scorecards.facts.graph.CatalogGraph;
import dev.scorecards.facts.graph.Node;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which entities are capabilities (the configured filter), kept current as the catalog changes (with
 * {@link ChangeImpact} telling whose facts a change touches), and their facts ({@link FactCalculator}).
 */
@ApplicationScoped
public class Capabilities {
    private final CatalogGraph graph;
    private final CatalogQueries catalog;
    private final FactsConfig.Capabilities capabilitiesConfig;

    @Inject
    Capabilities(CatalogGraph graph, CatalogQueries catalog, FactsConfig.Capabilities capabilitiesConfig) {
        this.graph = graph;
        this.catalog = catalog;
        this.capabilitiesConfig = capabilitiesConfig;
    }

    /** Above this many changed entities, every capability is evaluated again instead of tracing which. */
    private static final int BULK = 2000;

    private final Set<String> refs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private EntityFilter filter;

    EntityFilter filter() {
        if (filter == null) {
            filter = EntityFilter.parse(Arrays.asList(capabilitiesConfig.filter().split(";")));
        }
        return filter;
    }

    /** Loads the graph and the capability set from the catalog. */
    public void loadAll() {
        graph.loadAll();
        Set<String> all = catalog.refsMatching(filter(), null);
        refs.clear();
        refs.addAll(all);
    }

    /**
     * Brings the graph up to date with changed entities; returns the capabilities whose facts may
     * have changed (including ones that stopped or started being capabilities).
     */
    public Set<String> update(Collection<String> changed) {
        if (!graph.loaded() // never read, or a reading failed half-way
                || changed.size() > BULK && changed.size() * 2L >= graph.size()) {
            // or most of the catalog changed (a whole catalog arriving, say): reading every entity is
            // cheaper than looking each changed one up (100,000 of 100,000: 1.2–1.5 s less in PostgreSQL)
            Set<String> before = new HashSet<>(refs);
            loadAll();
            before.addAll(refs);
            return before;
        }
        if (changed.size() > BULK) {
            // a bulk change (a whole catalog arriving, say): tracing neighbours costs more than evaluating all
            graph.refresh(changed);
            Set<String> now = catalog.refsMatching(filter(), changed);
            Set<String> before = new HashSet<>(refs);
            refs.removeAll(changed);
            refs.addAll(now);
            before.addAll(refs);
            return before;
        }
        Set<String> affected = new HashSet<>(affected(changed));
        Set<String> eligibleBefore = graph.read(v -> new HashSet<>(v.eligibleTeams()));
        graph.refresh(changed);
        Set<String> now = catalog.refsMatching(filter(), changed);
        for (String ref : changed) {
            if (now.contains(ref) != refs.contains(ref)) {
                affected.add(ref);
            }
        }
        refs.removeAll(changed);
        refs.addAll(now);
        affected.addAll(affected(changed));
        if (!eligibleBefore.equals(graph.read(v -> v.eligibleTeams()))) {
            affected.addAll(refs); // every adoption rate has a new denominator
        }
        return affected;
    }

    /** A Group of the catalog: its title and its members (users). */
    public record Team(String ref, String title, List<String> members) {
    }

    /** Every Group in the catalog, by ref. */
    public List<Team> teams() {
        return graph.read(v -> {
            List<Team> out = new ArrayList<>();
            for (Node n : v.nodes()) {
                if ("group".equals(n.kind)) {
                    out.add(new Team(n.ref, n.title, List.copyOf(new TreeSet<>(n.related("hasMember")))));
                }
            }
            out.sort((a, b) -> a.ref().compareTo(b.ref()));
            return out;
        });
    }

    /** The members (User refs) of a Group, empty when it is unknown or not a Group. */
    public List<String> members(String teamRef) {
        return graph.read(v -> {
            Node n = v.node(teamRef);
            return n == null || !"group".equals(n.kind) ? List.<String>of() : List.copyOf(new TreeSet<>(n.related("hasMember")));
        });
    }

    /** The entity and everything that is part of it, transitively (empty when it is unknown). */
    public Set<String> parts(String ref) {
        return graph.read(v -> v.node(ref) == null ? Set.<String>of() : v.parts(ref));
    }

    /** The kind of an entity in the catalog, or null. */
    public String kindOf(String ref) {
        return graph.read(v -> v.node(ref) == null ? null : v.node(ref).kind);
    }

    public Set<String> all() {
        return Set.copyOf(refs);
    }

    public boolean isCapability(String ref) {
        return refs.contains(ref);
    }

    /** Capabilities whose facts depend on any of these entities, as the graph is now. */
    private Set<String> affected(Collection<String> changed) {
        return graph.read(v -> ChangeImpact.affected(v, changed, refs));
    }

    /** The facts of one capability, or null when it is not (or no longer) one. */
    public CapabilityFacts facts(String ref) {
        if (!refs.contains(ref)) {
            return null;
        }
        return graph.read(v -> FactCalculator.compute(v, ref));
    }

    /** The facts of many capabilities under one consistent view. */
    public List<CapabilityFacts> facts(Collection<String> capabilityRefs) {
        return graph.read(v -> {
            List<CapabilityFacts> out = new ArrayList<>();
            for (String ref : capabilityRefs) {
                if (refs.contains(ref)) {
                    CapabilityFacts f = FactCalculator.compute(v, ref);
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
            return out;
        });
    }
}
