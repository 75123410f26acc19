package dev.scorecards.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The team interaction graph: Groups as nodes, an edge from producer team to consumer team weighted
 * by the relations ({@code consumesApi}, {@code dependsOn}) between their entities. Per team:
 * fan-in, fan-out and betweenness centrality (Brandes, unweighted shortest paths); a team through
 * which at least {@code scorecards.teams.bottleneck-share} of the shortest paths between other
 * teams run is a bottleneck. Computed once per version of the catalog graph.
 */
@ApplicationScoped
public class TeamInteractions {
    @Inject
    CatalogGraph graph;

    @ConfigProperty(name = "scorecards.teams.bottleneck-share", defaultValue = "0.5")
    double bottleneckShare;

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
            cached = graph.read(this::build);
            return cached;
        }
    }

    private Result build(CatalogGraph.GraphView v) {
        long t0 = System.nanoTime();
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
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        titles.keySet().forEach(g::addVertex);
        List<Edge> edges = new ArrayList<>();
        Map<String, long[]> io = new HashMap<>();
        titles.keySet().forEach(t -> io.put(t, new long[4]));
        weights.forEach((producer, targets) -> targets.forEach((consumer, w) -> {
            g.addEdge(producer, consumer);
            edges.add(new Edge(producer, consumer, w[0]));
            io.get(producer)[1]++;
            io.get(producer)[3] += w[0];
            io.get(consumer)[0]++;
            io.get(consumer)[2] += w[0];
        }));
        Map<String, Double> betweenness = new BetweennessCentrality<>(g, false).getScores();
        Map<String, Long> avoiding = pairsAvoiding(titles.keySet(), weights);
        List<Team> teams = new ArrayList<>();
        for (var e : titles.entrySet()) {
            long[] x = io.get(e.getKey());
            double b = betweenness.getOrDefault(e.getKey(), 0.0);
            long pairs = avoiding.getOrDefault(e.getKey(), 0L);
            double share = pairs == 0 ? 0.0 : Math.round(b / pairs * 10_000) / 10_000.0;
            teams.add(new Team(e.getKey(), e.getValue(), (int) x[0], (int) x[1], x[2], x[3], b, share,
                    b > 0 && share >= bottleneckShare));
        }
        return new Result(List.copyOf(teams), List.copyOf(edges), bottleneckShare, version,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * For every team v, the ordered pairs (s, t) of other teams with t reachable from s: the number
     * of shortest-path connections v's betweenness is a share of.
     */
    private static Map<String, Long> pairsAvoiding(Set<String> teams, Map<String, Map<String, long[]>> weights) {
        Map<String, Long> reach = new HashMap<>();
        Map<String, Long> reachedBy = new HashMap<>();
        long total = 0;
        for (String s : teams) {
            Set<String> seen = new TreeSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>(List.of(s));
            seen.add(s);
            while (!todo.isEmpty()) {
                for (String t : weights.getOrDefault(todo.poll(), Map.of()).keySet()) {
                    if (seen.add(t)) {
                        todo.add(t);
                        reachedBy.merge(t, 1L, Long::sum);
                    }
                }
            }
            reach.put(s, (long) seen.size() - 1);
            total += seen.size() - 1;
        }
        Map<String, Long> out = new HashMap<>();
        for (String v : teams) {
            out.put(v, total - reach.getOrDefault(v, 0L) - reachedBy.getOrDefault(v, 0L));
        }
        return out;
    }
}
