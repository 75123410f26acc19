package dev.scorecards.api.scorecards;

import dev.scorecards.facts.graph.TeamInteractions;

/** The team interaction graph as Graphviz DOT: producer → consumer edges labelled with their weight, bottlenecks in red. */
final class TeamGraphDot {
    private TeamGraphDot() {
    }

    static String render(TeamInteractions.Result graph) {
        StringBuilder dot = new StringBuilder("digraph teams {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
        for (TeamInteractions.Team t : graph.teams()) {
            dot.append("  ").append(quote(t.ref())).append(" [label=\"").append(escape(t.title()))
                    .append("\\nbetweenness ").append(Math.round(t.betweenness() * 10) / 10.0).append('"');
            if (t.bottleneck()) {
                dot.append(", color=red, penwidth=2");
            }
            dot.append("];\n");
        }
        for (TeamInteractions.Edge e : graph.edges()) {
            dot.append("  ").append(quote(e.producer())).append(" -> ").append(quote(e.consumer()))
                    .append(" [label=").append(e.weight()).append(", weight=").append(e.weight()).append("];\n");
        }
        return dot.append("}\n").toString();
    }

    /** A DOT identifier: double-quoted and escaped. */
    private static String quote(String s) {
        return "\"" + escape(s) + "\"";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }
}
