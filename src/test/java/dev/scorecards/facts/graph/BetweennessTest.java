package dev.scorecards.facts.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our array-based Brandes gives what JGraphT's gives, on random directed graphs of several densities. */
class BetweennessTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithJGraphT(int seed) {
        Random random = new Random(seed);
        int n = 5 + random.nextInt(60);
        int edges = random.nextInt(n * (seed % 4 + 1) + 1);
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        Set<Long> seen = new HashSet<>();
        int[] from = new int[edges];
        int[] to = new int[edges];
        int m = 0;
        for (int i = 0; i < edges; i++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b && seen.add((long) a * n + b)) {
                g.addEdge(a, b);
                from[m] = a;
                to[m++] = b;
            }
        }
        // odd seeds split the searches between three threads, as on a multi-core machine
        Betweenness ours = Betweenness.of(n, java.util.Arrays.copyOf(from, m), java.util.Arrays.copyOf(to, m),
                seed % 2 == 1 ? 3 : 1);
        Map<Integer, Double> theirs = new BetweennessCentrality<>(g, false).getScores();
        long pairs = 0;
        for (int v = 0; v < n; v++) {
            assertEquals(theirs.get(v), ours.centrality[v], 1e-9, "betweenness of " + v);
            var paths = new BFSShortestPath<>(g).getPaths(v);
            long reached = 0;
            for (int t = 0; t < n; t++) {
                if (t != v && paths.getPath(t) != null) {
                    reached++;
                }
            }
            assertEquals(reached, ours.reach[v], "reach of " + v);
            pairs += reached;
        }
        assertEquals(pairs, ours.reachablePairs);
    }
}
