package dev.scorecards.reviews;

import dev.scorecards.facts.graph.Betweenness;
import dev.scorecards.reviews.Review.Bottleneck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bottleneck teams at a past moment, from the capabilities as recorded then: an edge from each owning
 * team to each team consuming its capability, and the live graph's rule on it (betweenness, a share of
 * the shortest paths between other teams of at least {@code share}).
 */
final class Bottlenecks {
    private Bottlenecks() {
    }

    static List<Bottleneck> of(Collection<Snapshot> capabilities, double share) {
        Map<String, Set<String>> edges = new TreeMap<>();
        Set<String> teams = new TreeSet<>();
        for (Snapshot s : capabilities) {
            if (s.owner() == null || !s.owner().startsWith("group:")) {
                continue;
            }
            teams.add(s.owner());
            for (String consumer : s.consumingTeams()) {
                if (consumer.startsWith("group:") && !consumer.equals(s.owner())) {
                    teams.add(consumer);
                    edges.computeIfAbsent(s.owner(), k -> new TreeSet<>()).add(consumer);
                }
            }
        }
        List<String> refs = new ArrayList<>(teams);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            index.put(refs.get(i), i);
        }
        List<int[]> pairs = new ArrayList<>();
        edges.forEach((p, cs) -> cs.forEach(c -> pairs.add(new int[] {index.get(p), index.get(c)})));
        int[] from = new int[pairs.size()];
        int[] to = new int[pairs.size()];
        int[] fanIn = new int[refs.size()];
        int[] fanOut = new int[refs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            from[i] = pairs.get(i)[0];
            to[i] = pairs.get(i)[1];
            fanOut[from[i]]++;
            fanIn[to[i]]++;
        }
        Betweenness b = Betweenness.of(refs.size(), from, to);
        List<Bottleneck> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            long others = b.reachablePairs - b.reach[i] - b.reachedBy[i];
            double s = others == 0 ? 0.0 : Math.round(b.centrality[i] / others * 10_000) / 10_000.0;
            if (b.centrality[i] > 0 && s >= share) {
                out.add(new Bottleneck(refs.get(i), s, fanIn[i], fanOut[i]));
            }
        }
        return out;
    }
}
