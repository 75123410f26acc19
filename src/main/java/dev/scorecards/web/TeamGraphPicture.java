package dev.scorecards.web;

import dev.scorecards.facts.graph.TeamInteractions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The team interaction graph laid out as a picture: the teams that interact, at most {@code maxTeams}
 * of them (highest betweenness first), the heaviest {@code maxEdges} edges between those, placed by
 * JGraphT's Fruchterman-Reingold layout with a fixed seed (the same graph always gives the same picture).
 */
public final class TeamGraphPicture {
    static final int WIDTH = 960;
    static final int HEIGHT = 600;
    private static final double MARGIN = 70;
    private static final long SEED = 20261127L;

    private TeamGraphPicture() {
    }

    /** A team drawn as a circle, sized by betweenness; a bottleneck is highlighted. */
    public record Node(String ref, String title, String label, double x, double y, double r, boolean bottleneck,
            int fanIn, int fanOut, String betweenness, String share) {
    }

    /** A producer → consumer edge, thicker for more relations; it stops at the consumer's circle. */
    public record Line(String producer, String consumer, long weight, double x1, double y1, double x2, double y2,
            double width) {
    }

    /**
     * The picture and what was left out: {@code teams}/{@code edges} count the whole graph, of which
     * {@code interacting} teams have at least one edge.
     */
    public record Picture(int width, int height, List<Node> nodes, List<Line> lines, int teams, int interacting,
            int edges, boolean capped, String bottleneckShare) {
    }

    public static Picture draw(TeamInteractions.Result graph, int maxTeams, int maxEdges) {
        Map<String, Integer> degree = new HashMap<>();
        for (TeamInteractions.Edge e : graph.edges()) {
            degree.merge(e.producer(), 1, Integer::sum);
            degree.merge(e.consumer(), 1, Integer::sum);
        }
        List<TeamInteractions.Team> chosen = graph.teams().stream().filter(t -> degree.containsKey(t.ref()))
                .sorted(Comparator.comparingDouble(TeamInteractions.Team::betweenness).reversed()
                        .thenComparing(t -> -degree.get(t.ref())).thenComparing(TeamInteractions.Team::ref))
                .limit(maxTeams).toList();
        Map<String, TeamInteractions.Team> shown = new LinkedHashMap<>();
        chosen.stream().sorted(Comparator.comparing(TeamInteractions.Team::ref)).forEach(t -> shown.put(t.ref(), t));
        List<TeamInteractions.Edge> edges = graph.edges().stream()
                .filter(e -> shown.containsKey(e.producer()) && shown.containsKey(e.consumer()))
                .sorted(Comparator.comparingLong(TeamInteractions.Edge::weight).reversed()
                        .thenComparing(TeamInteractions.Edge::producer).thenComparing(TeamInteractions.Edge::consumer))
                .limit(maxEdges).toList();
        Map<String, double[]> at = layout(shown.keySet().stream().toList(), edges);

        double maxBetweenness = chosen.stream().mapToDouble(TeamInteractions.Team::betweenness).max().orElse(0);
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (TeamInteractions.Team t : shown.values()) {
            double[] p = at.get(t.ref());
            double r = 7 + (maxBetweenness <= 0 ? 0 : 13 * Math.sqrt(t.betweenness() / maxBetweenness));
            String title = t.title() == null || t.title().isBlank() ? t.ref() : t.title();
            nodes.put(t.ref(), new Node(t.ref(), title, title.length() > 22 ? title.substring(0, 21) + "…" : title,
                    round(p[0]), round(p[1]), round(r), t.bottleneck(), t.fanIn(), t.fanOut(),
                    String.format(Locale.ROOT, "%.1f", t.betweenness()),
                    String.format(Locale.ROOT, "%.0f%%", t.share() * 100)));
        }
        long maxWeight = edges.stream().mapToLong(TeamInteractions.Edge::weight).max().orElse(1);
        List<Line> lines = new ArrayList<>();
        for (TeamInteractions.Edge e : edges) {
            Node from = nodes.get(e.producer());
            Node to = nodes.get(e.consumer());
            double dx = to.x() - from.x();
            double dy = to.y() - from.y();
            double length = Math.max(1e-9, Math.hypot(dx, dy));
            double cut = Math.min(length / 2, to.r() + 2); // the arrow head touches the consumer's circle
            lines.add(new Line(e.producer(), e.consumer(), e.weight(), from.x(), from.y(),
                    round(to.x() - dx / length * cut), round(to.y() - dy / length * cut),
                    round(1 + 5 * Math.sqrt(e.weight() / (double) maxWeight))));
        }
        int interacting = degree.size();
        return new Picture(WIDTH, HEIGHT, List.copyOf(nodes.values()), lines, graph.teams().size(), interacting,
                graph.edges().size(), chosen.size() < interacting || edges.size() < graph.edges().size(),
                String.format(Locale.ROOT, "%.0f%%", graph.bottleneckShare() * 100));
    }

    /** Positions inside the picture's margins; connected teams end up close, unrelated ones apart. */
    private static Map<String, double[]> layout(List<String> refs, List<TeamInteractions.Edge> edges) {
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        refs.forEach(g::addVertex);
        for (TeamInteractions.Edge e : edges) {
            if (!g.containsEdge(e.producer(), e.consumer())) {
                g.addEdge(e.producer(), e.consumer());
            }
        }
        MapLayoutModel2D<String> model = new MapLayoutModel2D<>(Box2D.of(WIDTH, HEIGHT));
        if (refs.size() > 1) {
            new FRLayoutAlgorithm2D<String, DefaultEdge>(300, FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR,
                    new Random(SEED)).layout(g, model);
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String r : refs) {
            var p = model.get(r);
            if (p != null) {
                minX = Math.min(minX, p.getX());
                maxX = Math.max(maxX, p.getX());
                minY = Math.min(minY, p.getY());
                maxY = Math.max(maxY, p.getY());
            }
        }
        Map<String, double[]> out = new HashMap<>();
        for (String r : refs) { // stretched to fill the picture inside its margins
            var p = model.get(r);
            double x = p == null || maxX <= minX ? 0.5 : (p.getX() - minX) / (maxX - minX);
            double y = p == null || maxY <= minY ? 0.5 : (p.getY() - minY) / (maxY - minY);
            out.put(r, new double[] {MARGIN + x * (WIDTH - 2 * MARGIN), MARGIN + y * (HEIGHT - 2 * MARGIN)});
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
