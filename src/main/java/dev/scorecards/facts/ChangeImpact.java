package dev.scorecards.facts;

import dev.scorecards.facts.graph.CatalogGraph;
import dev.scorecards.facts.graph.Node;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which capabilities' facts depend on a set of changed entities, as the graph is now: those the
 * entities are part of, those they use or are owned through, those they declare bypassing, and,
 * for a changed Group or User, those its teams' entities are part of or use.
 */
final class ChangeImpact {
    private ChangeImpact() {
    }

    /** The capabilities (among {@code capabilities}) whose facts may depend on these entities. */
    static Set<String> affected(CatalogGraph.GraphView v, Collection<String> changed, Set<String> capabilities) {
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
                ownedThrough(v, n, out);
            }
        }
        out.retainAll(capabilities);
        return out;
    }

    /** What a team (or a user's teams) owns, and what those entities use. */
    private static void ownedThrough(CatalogGraph.GraphView v, Node teamOrUser, Set<String> out) {
        Set<String> owners = new HashSet<>(teamOrUser.related("memberOf"));
        owners.add(teamOrUser.ref);
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

    private static void containing(CatalogGraph.GraphView v, String ref, Set<String> out) {
        out.addAll(v.wholes(ref));
    }
}
