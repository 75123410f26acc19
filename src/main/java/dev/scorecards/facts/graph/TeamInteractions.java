package dev.scorecards.facts.graph;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The team interaction graph: Groups as nodes, an edge from producer team to consumer team weighted
 * by the relations ({@code consumesApi}, {@code dependsOn}) between their entities. Per team:
 * fan-in, fan-out and betweenness centrality (Brandes, unweighted shortest paths); a team through
 * which at least {@code scorecards.teams.bottleneck-share} of the shortest paths between other
 * teams run is a bottleneck. Computed once per version of the catalog graph.
 */
@ApplicationScoped
public class TeamInteractions {
    private final CatalogGraph graph;
    private final double bottleneckShare;

    TeamInteractions(CatalogGraph graph, TeamsConfig config) {
        this.graph = graph;
        this.bottleneckShare = config.bottleneckShare();
    }

    /**
     * One team: its fan-in (producer teams it uses) and fan-out (consumer teams that use it), the
     * relations behind them, its betweenness (shortest paths between other teams through it), and
     * the share of the shortest-path-connected pairs of other teams whose paths run through it.
     */
    public record Team(String ref, String title, int fanIn, int fanOut, long weightIn, long weightOut,
            double betweenness, double share, boolean bottleneck) {
    }

    public record Edge(String producer, String consumer, long weight) {
    }

    public record Result(List<Team> teams, List<Edge> edges, double bottleneckShare, long version, long millis) {
        public List<String> bottlenecks() {
            return teams.stream().filter(Team::bottleneck).map(Team::ref).toList();
        }
    }

    private volatile Result cached;

    /** The graph and its metrics, recomputed only when the catalog graph changed since. */
    public Result compute() {
        Result c = cached;
        if (c != null && c.version() == graph.version()) {
            return c;
        }
        synchronized (this) {
            if (cached != null && cached.version() == graph.version()) {
                return cached;
            }
            long t0 = System.nanoTime();
            // only the walk over the catalog holds the graph's read lock; betweenness (seconds) runs after it
            Interactions found = graph.read(this::collect);
            cached = metrics(found, t0);
            return cached;
        }
    }

    /** Groups with their titles, and relation counts producer team → consumer team → weight, at a graph version. */
    private record Interactions(long version, Map<String, String> titles, Map<String, Map<String, long[]>> weights) {
    }

    private Interactions collect(CatalogGraph.GraphView v) {
        long version = graph.version();
        Map<String, String> titles = new TreeMap<>();
        for (Node n : v.nodes()) {
            if ("group".equals(n.kind)) {
                titles.put(n.ref, n.title);
            }
        }
        Map<String, Map<String, long[]>> weights = new TreeMap<>();
        for (Node n : v.nodes()) {
            if (!n.exists()) {
                continue;
            }
            Set<String> consumers = v.teams(n.ownerRef);
            if (consumers.isEmpty()) {
                continue;
            }
            for (String type : List.of("consumesApi", "dependsOn")) {
                for (String used : n.related(type)) {
                    Node target = v.node(used);
                    if (target == null) {
                        continue;
                    }
                    for (String producer : v.teams(target.ownerRef)) {
                        for (String consumer : consumers) {
                            if (!producer.equals(consumer) && titles.containsKey(producer) && titles.containsKey(consumer)) {
                                weights.computeIfAbsent(producer, k -> new TreeMap<>())
                                        .computeIfAbsent(consumer, k -> new long[1])[0]++;
                            }
                        }
                    }
                }
            }
        }
        return new Interactions(version, titles, weights);
    }

    private Result metrics(Interactions found, long t0) {
        Map<String, String> titles = found.titles();
        List<String> refs = new ArrayList<>(titles.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            index.put(refs.get(i), i);
        }
        List<Edge> edges = new ArrayList<>();
        long[][] io = new long[refs.size()][4];
        found.weights().forEach((producer, targets) -> targets.forEach((consumer, w) -> {
            edges.add(new Edge(producer, consumer, w[0]));
            int p = index.get(producer);
            int c = index.get(consumer);
            io[p][1]++;
            io[p][3] += w[0];
            io[c][0]++;
            io[c][2] += w[0];
        }));
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            from[i] = index.get(edges.get(i).producer());
            to[i] = index.get(edges.get(i).consumer());
        }
        Betweenness b = Betweenness.of(refs.size(), from, to);
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            // the connected pairs of other teams whose shortest paths this team could be on
            long pairs = b.reachablePairs - b.reach[i] - b.reachedBy[i];
            double centrality = b.centrality[i];
            double share = pairs == 0 ? 0.0 : Math.round(centrality / pairs * 10_000) / 10_000.0;
            teams.add(new Team(refs.get(i), titles.get(refs.get(i)), (int) io[i][0], (int) io[i][1], io[i][2],
                    io[i][3], centrality, share, centrality > 0 && share >= bottleneckShare));
        }
        return new Result(List.copyOf(teams), List.copyOf(edges), bottleneckShare, found.version(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
