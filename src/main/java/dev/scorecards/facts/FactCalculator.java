package dev.scorecards.facts;

import dev.scorecards.facts.graph.CatalogGraph;
import dev.scorecards.facts.graph.Node;
import dev.scorecards.facts.graph.RelationIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes one capability's facts from a view of the catalog graph: a pure function of the graph,
 * following the rules of docs/decisions.md ("Capabilities and facts").
 */
public final class FactCalculator {
    private FactCalculator() {
    }

    /** What the capability's parts say, gathered in one pass over them. */
    private static final class PartsScan {
        final Map<String, Set<String>> usesByConsumer = new LinkedHashMap<>();
        final Map<String, Set<String>> internalUse = new LinkedHashMap<>();
        final List<String> undefinedApis = new ArrayList<>();
        final Set<String> lifecycles = new TreeSet<>();
        final Set<String> coordination = new TreeSet<>();
        int apiCount;
        int apisDefined;
        boolean docs;
        boolean onCall;
        boolean support;
        boolean runbook;
    }

    /** Who uses or bypasses the capability, and the teams they count for (producers excluded). */
    private record Users(List<CapabilityFacts.Consumer> consumers, Set<String> consumingTeams,
            List<CapabilityFacts.Bypass> bypasses, Set<String> bypassingTeams) {
    }

    /** The facts of the capability {@code ref}, or null when the graph does not hold it. */
    public static CapabilityFacts compute(CatalogGraph.GraphView v, String ref) {
        Node cap = v.node(ref);
        if (cap == null) {
            return null;
        }
        Set<String> parts = v.parts(ref);
        Set<String> producers = v.teams(cap.ownerRef);
        PartsScan scan = scanParts(v, ref, parts);
        Users users = users(v, ref, producers, scan);
        DerivedFacts facts = derive(v, cap, parts, producers, scan, users);
        return new CapabilityFacts(ref, cap.kind, cap.title, cap.ownerRef, List.copyOf(new LinkedHashSet<>(producers)),
                List.copyOf(parts), users.consumers(), List.copyOf(users.consumingTeams()), users.bypasses(),
                List.copyOf(users.bypassingTeams()), relations(cap), facts);
    }

    private static PartsScan scanParts(CatalogGraph.GraphView v, String ref, Set<String> parts) {
        PartsScan s = new PartsScan();
        for (String partRef : parts) {
            Node part = v.node(partRef);
            if (part == null) {
                continue;
            }
            s.coordination.addAll(v.teams(part.ownerRef));
            if ("api".equals(part.kind)) {
                s.apiCount++;
                if (part.apiDefined) {
                    s.apisDefined++;
                } else {
                    s.undefinedApis.add(partRef);
                }
            }
            s.docs |= part.has(Node.TECHDOCS) || part.has(Node.DOCS_LINK);
            s.onCall |= part.has(Node.ON_CALL);
            s.support |= part.has(Node.SUPPORT_LINK);
            s.runbook |= part.has(Node.RUNBOOK_LINK);
            if (part.lifecycle != null) {
                s.lifecycles.add(part.lifecycle);
            }
            for (String type : List.of("apiConsumedBy", "dependencyOf")) {
                for (String user : part.related(type)) {
                    if (!parts.contains(user)) {
                        s.usesByConsumer.computeIfAbsent(user, k -> new TreeSet<>()).add(partRef);
                        if (type.equals("dependencyOf") && !"api".equals(part.kind) && !partRef.equals(ref)) {
                            s.internalUse.computeIfAbsent(user, k -> new TreeSet<>()).add(partRef);
                        }
                    }
                }
            }
            for (String type : List.of("dependsOn", "consumesApi")) {
                for (String dep : part.related(type)) {
                    Node d = parts.contains(dep) ? null : v.node(dep);
                    if (d != null) {
                        s.coordination.addAll(v.teams(d.ownerRef));
                    }
                }
            }
        }
        return s;
    }

    private static Users users(CatalogGraph.GraphView v, String ref, Set<String> producers, PartsScan scan) {
        List<CapabilityFacts.Consumer> consumers = new ArrayList<>();
        Set<String> consumingTeams = new TreeSet<>();
        for (var e : new TreeMap<>(scan.usesByConsumer).entrySet()) {
            Node c = v.node(e.getKey());
            String owner = c == null ? null : c.ownerRef;
            List<String> teams = teamsOf(v, owner, producers);
            consumers.add(new CapabilityFacts.Consumer(e.getKey(), c == null ? null : c.kind, owner, teams,
                    List.copyOf(e.getValue())));
            consumingTeams.addAll(teams);
        }
        List<CapabilityFacts.Bypass> bypasses = new ArrayList<>();
        Set<String> bypassingTeams = new TreeSet<>();
        boolean offersApis = scan.apiCount > 0;
        if (offersApis) {
            for (var e : new TreeMap<>(scan.internalUse).entrySet()) {
                Node c = v.node(e.getKey());
                String owner = c == null ? null : c.ownerRef;
                List<String> teams = teamsOf(v, owner, producers);
                bypasses.add(new CapabilityFacts.Bypass(e.getKey(), owner, teams, "structural", List.copyOf(e.getValue())));
                bypassingTeams.addAll(teams);
            }
        }
        for (String declared : new TreeSet<>(v.declaredBypasses(ref))) {
            if (offersApis && scan.internalUse.containsKey(declared)) {
                continue; // already a structural bypass
            }
            Node c = v.node(declared);
            String owner = c == null ? null : c.ownerRef;
            List<String> teams = teamsOf(v, owner, producers);
            bypasses.add(new CapabilityFacts.Bypass(declared, owner, teams, "declared", List.of()));
            bypassingTeams.addAll(teams);
        }
        return new Users(consumers, consumingTeams, bypasses, bypassingTeams);
    }

    /** The teams an owner stands for, the producers left out. */
    private static List<String> teamsOf(CatalogGraph.GraphView v, String owner, Set<String> producers) {
        List<String> teams = new ArrayList<>(v.teams(owner));
        teams.removeAll(producers);
        return teams;
    }

    private static DerivedFacts derive(CatalogGraph.GraphView v, Node cap, Set<String> parts, Set<String> producers,
            PartsScan scan, Users users) {
        // teams that could adopt: every Component owner, and every team that already does, the producers
        // excluded (consumingTeams never holds them); counted without copying the 2,000-team set
        Set<String> allEligible = v.eligibleTeams();
        long eligible = allEligible.size() - producers.stream().filter(allEligible::contains).count()
                + users.consumingTeams().stream().filter(t -> !allEligible.contains(t)).count();
        Set<String> involved = new HashSet<>(users.consumingTeams());
        involved.addAll(users.bypassingTeams());
        Node owner = cap.ownerRef == null ? null : v.node(cap.ownerRef);
        boolean ownerIsGroup = owner != null && "group".equals(owner.kind);
        String lifecycle = cap.lifecycle != null ? cap.lifecycle
                : scan.lifecycles.size() == 1 ? scan.lifecycles.iterator().next()
                : scan.lifecycles.isEmpty() ? "" : "mixed";
        return new DerivedFacts(
                cap.kind,
                cap.ownerRef == null ? "" : cap.ownerRef,
                owner != null,
                ownerIsGroup,
                owner == null ? 0 : ownerIsGroup ? new HashSet<>(owner.related("hasMember")).size() : 1,
                cap.has(Node.DESCRIPTION),
                scan.docs,
                cap.has(Node.SOURCE_LOCATION),
                lifecycle,
                scan.apiCount,
                scan.apisDefined,
                List.copyOf(scan.undefinedApis),
                scan.onCall,
                scan.support,
                scan.runbook,
                "production".equalsIgnoreCase(lifecycle),
                parts.size(),
                users.consumers().size(),
                users.consumingTeams().size(),
                eligible,
                eligible == 0 ? 0.0 : round(users.consumingTeams().size() / (double) eligible),
                users.bypasses().size(),
                users.bypassingTeams().size(),
                involved.isEmpty() ? 0.0 : round(users.bypassingTeams().size() / (double) involved.size()),
                scan.coordination.size());
    }

    /** The capability's own relations, by type then target. */
    private static List<Map<String, Object>> relations(Node cap) {
        List<Map<String, Object>> relations = new ArrayList<>();
        for (int t = 0; t < cap.related.length; t++) {
            if (cap.related[t] != null) {
                for (String target : new TreeSet<>(cap.related[t])) {
                    relations.add(Map.of("type", RelationIndex.name(t), "targetRef", target));
                }
            }
        }
        return relations;
    }

    private static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }
}
