package dev.scorecards.facts;

import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which entities are capabilities (the configured filter), and the facts the catalog graph gives
 * about each: parts, consumers and consuming teams, bypasses, documentation, support and adoption.
 */
@ApplicationScoped
public class Capabilities {
    @Inject
    CatalogGraph graph;
    @Inject
    CatalogQueries catalog;
    @Inject
    FactsConfig.Capabilities capabilitiesConfig;

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
        if (!graph.loaded()) { // never read, or a reading failed half-way
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
        return graph.read(v -> {
            Set<String> out = new HashSet<>();
            for (String ref : changed) {
                Node n = v.node(ref);
                containing(v, ref, out);
                if (n == null) {
                    continue;
                }
                for (String type : List.of("consumesApi", "dependsOn", "ownedBy")) {
                    for (String used : n.related(type)) {
                        containing(v, used, out);
                    }
                }
                if (n.bypasses != null) {
                    out.add(n.bypasses);
                }
                if ("group".equals(n.kind) || "user".equals(n.kind)) {
                    Set<String> owners = new HashSet<>(n.related("memberOf"));
                    owners.add(ref);
                    for (String owner : owners) {
                        Node o = v.node(owner);
                        if (o == null) {
                            continue;
                        }
                        for (String owned : o.related("ownerOf")) {
                            containing(v, owned, out);
                            Node on = v.node(owned);
                            if (on != null) {
                                on.related("consumesApi").forEach(x -> containing(v, x, out));
                                on.related("dependsOn").forEach(x -> containing(v, x, out));
                            }
                        }
                    }
                }
            }
            out.retainAll(refs);
            return out;
        });
    }

    private static void containing(CatalogGraph.GraphView v, String ref, Set<String> out) {
        out.addAll(v.wholes(ref));
    }

    /** The facts of one capability, or null when it is not (or no longer) one. */
    public CapabilityFacts facts(String ref) {
        if (!refs.contains(ref)) {
            return null;
        }
        return graph.read(v -> compute(v, ref));
    }

    /** The facts of many capabilities under one consistent view. */
    public List<CapabilityFacts> facts(Collection<String> capabilityRefs) {
        return graph.read(v -> {
            List<CapabilityFacts> out = new ArrayList<>();
            for (String ref : capabilityRefs) {
                if (refs.contains(ref)) {
                    CapabilityFacts f = compute(v, ref);
                    if (f != null) {
                        out.add(f);
                    }
                }
            }
            return out;
        });
    }

    private CapabilityFacts compute(CatalogGraph.GraphView v, String ref) {
        Node cap = v.node(ref);
        if (cap == null) {
            return null;
        }
        Set<String> parts = v.parts(ref);
        Set<String> producers = v.teams(cap.ownerRef);
        Map<String, Set<String>> usesByConsumer = new LinkedHashMap<>();
        Map<String, Set<String>> internalUse = new LinkedHashMap<>();
        boolean offersApis = false;
        int apiCount = 0;
        int apisDefined = 0;
        List<String> undefinedApis = new ArrayList<>();
        boolean docs = false;
        boolean onCall = false;
        boolean support = false;
        boolean runbook = false;
        Set<String> lifecycles = new TreeSet<>();
        Set<String> coordination = new TreeSet<>();
        for (String partRef : parts) {
            Node part = v.node(partRef);
            if (part == null) {
                continue;
            }
            coordination.addAll(v.teams(part.ownerRef));
            if ("api".equals(part.kind)) {
                offersApis = true;
                apiCount++;
                if (part.apiSize > 0) {
                    apisDefined++;
                } else {
                    undefinedApis.add(partRef);
                }
            }
            docs |= part.has(Node.TECHDOCS) || part.has(Node.DOCS_LINK);
            onCall |= part.has(Node.ON_CALL);
            support |= part.has(Node.SUPPORT_LINK);
            runbook |= part.has(Node.RUNBOOK_LINK);
            if (part.lifecycle != null) {
                lifecycles.add(part.lifecycle);
            }
            for (String type : List.of("apiConsumedBy", "dependencyOf")) {
                for (String user : part.related(type)) {
                    if (!parts.contains(user)) {
                        usesByConsumer.computeIfAbsent(user, k -> new TreeSet<>()).add(partRef);
                        if (type.equals("dependencyOf") && !"api".equals(part.kind) && !partRef.equals(ref)) {
                            internalUse.computeIfAbsent(user, k -> new TreeSet<>()).add(partRef);
                        }
                    }
                }
            }
            for (String type : List.of("dependsOn", "consumesApi")) {
                for (String dep : part.related(type)) {
                    if (!parts.contains(dep)) {
                        Node d = v.node(dep);
                        if (d != null) {
                            coordination.addAll(v.teams(d.ownerRef));
                        }
                    }
                }
            }
        }
        List<CapabilityFacts.Consumer> consumers = new ArrayList<>();
        Set<String> consumingTeams = new TreeSet<>();
        for (var e : new java.util.TreeMap<>(usesByConsumer).entrySet()) {
            Node c = v.node(e.getKey());
            String owner = c == null ? null : c.ownerRef;
            List<String> teams = new ArrayList<>(v.teams(owner));
            teams.removeAll(producers);
            consumers.add(new CapabilityFacts.Consumer(e.getKey(), c == null ? null : c.kind, owner, teams,
                    List.copyOf(e.getValue())));
            consumingTeams.addAll(teams);
        }
        List<CapabilityFacts.Bypass> bypasses = new ArrayList<>();
        Set<String> bypassingTeams = new TreeSet<>();
        if (offersApis) {
            for (var e : new java.util.TreeMap<>(internalUse).entrySet()) {
                Node c = v.node(e.getKey());
                String owner = c == null ? null : c.ownerRef;
                List<String> teams = new ArrayList<>(v.teams(owner));
                teams.removeAll(producers);
                bypasses.add(new CapabilityFacts.Bypass(e.getKey(), owner, teams, "structural",
                        List.copyOf(e.getValue())));
                bypassingTeams.addAll(teams);
            }
        }
        for (String declared : new TreeSet<>(v.declaredBypasses(ref))) {
            if (internalUse.containsKey(declared) && offersApis) {
                continue;
            }
            Node c = v.node(declared);
            String owner = c == null ? null : c.ownerRef;
            List<String> teams = new ArrayList<>(v.teams(owner));
            teams.removeAll(producers);
            bypasses.add(new CapabilityFacts.Bypass(declared, owner, teams, "declared", List.of()));
            bypassingTeams.addAll(teams);
        }
        // teams that could adopt: every Component owner, and every team that already does, the producers
        // excluded (consumingTeams never holds them); counted without copying the 2,000-team set
        Set<String> allEligible = v.eligibleTeams();
        long eligibleCount = allEligible.size() - producers.stream().filter(allEligible::contains).count()
                + consumingTeams.stream().filter(t -> !allEligible.contains(t)).count();
        Set<String> involved = new HashSet<>(consumingTeams);
        involved.addAll(bypassingTeams);
        Node owner = cap.ownerRef == null ? null : v.node(cap.ownerRef);
        String lifecycle = cap.lifecycle != null ? cap.lifecycle
                : lifecycles.size() == 1 ? lifecycles.iterator().next() : lifecycles.isEmpty() ? "" : "mixed";

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", cap.kind);
        f.put("ownerRef", cap.ownerRef == null ? "" : cap.ownerRef);
        f.put("ownerExists", owner != null);
        f.put("ownerIsGroup", owner != null && "group".equals(owner.kind));
        f.put("ownerMemberCount", (long) (owner == null ? 0 : "group".equals(owner.kind)
                ? new HashSet<>(owner.related("hasMember")).size() : 1));
        f.put("hasDescription", cap.has(Node.DESCRIPTION));
        f.put("hasDocs", docs);
        f.put("hasSourceLocation", cap.has(Node.SOURCE_LOCATION));
        f.put("lifecycle", lifecycle);
        f.put("apiCount", (long) apiCount);
        f.put("apisWithDefinition", (long) apisDefined);
        f.put("apisWithoutDefinition", List.copyOf(undefinedApis));
        f.put("hasOnCall", onCall);
        f.put("hasSupportChannel", support);
        f.put("hasRunbook", runbook);
        f.put("isProduction", "production".equalsIgnoreCase(lifecycle));
        f.put("partCount", (long) parts.size());
        f.put("consumerCount", (long) consumers.size());
        f.put("consumingTeamCount", (long) consumingTeams.size());
        f.put("eligibleTeamCount", eligibleCount);
        f.put("adoptionRate", eligibleCount == 0 ? 0.0 : round(consumingTeams.size() / (double) eligibleCount));
        f.put("bypassCount", (long) bypasses.size());
        f.put("bypassingTeamCount", (long) bypassingTeams.size());
        f.put("bypassRatio", involved.isEmpty() ? 0.0 : round(bypassingTeams.size() / (double) involved.size()));
        f.put("coordinationCost", (long) coordination.size());
        List<Map<String, Object>> relations = new ArrayList<>();
        for (int t = 0; t < cap.related.length; t++) {
            if (cap.related[t] != null) {
                for (String target : new TreeSet<>(cap.related[t])) {
                    relations.add(Map.of("type", RelationIndex.name(t), "targetRef", target));
                }
            }
        }
        return new CapabilityFacts(ref, cap.kind, cap.title, cap.ownerRef, List.copyOf(new LinkedHashSet<>(producers)),
                List.copyOf(parts), consumers, List.copyOf(consumingTeams), bypasses, List.copyOf(bypassingTeams),
                relations, f);
    }

    private static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }
}
