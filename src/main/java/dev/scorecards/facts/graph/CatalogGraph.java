package dev.scorecards.facts.graph;

import dev.scorecards.catalog.model.RawEntity;
import dev.scorecards.catalog.model.Relation;
import dev.scorecards.catalog.query.CatalogQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The catalog as a graph in memory, for computing facts: every entity's relevant attributes and its
 * relations in both directions. Loaded once, then kept current from the catalog's change events.
 * Reads and updates are guarded by one read/write lock.
 */
@ApplicationScoped
public class CatalogGraph {
    static final String ANNOTATION_CAPABILITY = "scorecards.dev/capability";
    static final String ANNOTATION_BYPASSES = "scorecards.dev/bypasses";

    private final CatalogQueries catalog;

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Set<String>> bypassDeclarations = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private volatile Set<String> eligibleTeams; // computed on first read after a change, by any reader
    private volatile boolean loaded;
    private volatile long version;

    @Inject
    public CatalogGraph(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    public boolean loaded() {
        return loaded;
    }

    /** How many entities (and relation targets not in the catalog) the graph holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return nodes.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Grows whenever the graph changes, so derived views can tell whether they are stale. */
    public long version() {
        return version;
    }

    /** Reads the whole catalog into memory (replacing what was there). */
    public void loadAll() {
        load(entities -> catalog.raw(null, entities), relations -> catalog.declaredRelations(null, relations));
    }

    /**
     * Replaces the graph with these entities and the relations their specs declare (each given once,
     * in the declared direction): what {@link #loadAll} reads from the catalog, or a test's own.
     */
    public void load(Consumer<Consumer<RawEntity>> entities, Consumer<Consumer<Relation>> relations) {
        lock.writeLock().lock();
        try {
            loaded = false; // stays so if reading fails half-way: the next change reads everything again
            nodes.clear();
            bypassDeclarations.clear();
            entities.accept(this::setAttributes);
            relations.accept(this::addDeclared);
            nodes.values().forEach(n -> n.ownerRef = first(n.related("ownedBy")));
            eligibleTeams = null;
            loaded = true;
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads the given entities again (those that no longer exist are removed). */
    public void refresh(Collection<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            for (String ref : refs) {
                Node n = nodes.get(ref);
                if (n != null) {
                    removeDeclared(n);
                    n.kind = null;
                    setBypasses(n, null);
                }
            }
            catalog.raw(refs, this::setAttributes);
            catalog.declaredRelations(refs, this::addDeclared);
            for (String ref : refs) {
                Node n = nodes.get(ref);
                if (n != null) {
                    n.ownerRef = first(n.related("ownedBy"));
                    if (!n.exists() && !n.hasRelations()) {
                        nodes.remove(ref);
                    }
                }
            }
            eligibleTeams = null;
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code reader} with a consistent view of the graph. */
    public <T> T read(Function<GraphView, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(new GraphView());
        } finally {
            lock.readLock().unlock();
        }
    }

    private void setAttributes(RawEntity raw) {
        Node n = nodes.computeIfAbsent(raw.ref(), Node::new);
        setBypasses(n, NodeAttributes.read(n, raw));
    }

    private void setBypasses(Node n, String target) {
        if (n.bypasses != null) {
            Set<String> s = bypassDeclarations.get(n.bypasses);
            if (s != null) {
                s.remove(n.ref);
                if (s.isEmpty()) {
                    bypassDeclarations.remove(n.bypasses);
                }
            }
        }
        n.bypasses = target;
        if (target != null) {
            bypassDeclarations.computeIfAbsent(target, k -> new HashSet<>()).add(n.ref);
        }
    }

    private void addDeclared(Relation r) {
        Node source = nodes.computeIfAbsent(r.sourceRef(), Node::new);
        Node target = nodes.computeIfAbsent(r.targetRef(), Node::new);
        int type = RelationIndex.of(r.type());
        source.add(type, target.ref);
        target.add(RelationIndex.inverse(type), source.ref);
        source.declare(type, target.ref);
    }

    private void removeDeclared(Node n) {
        for (int i = 0; i < n.declaredTypes.length; i++) {
            int type = n.declaredTypes[i];
            String targetRef = n.declaredTargets[i];
            n.remove(type, targetRef);
            Node target = nodes.get(targetRef);
            if (target != null) {
                target.remove(RelationIndex.inverse(type), n.ref);
                if (!target.exists() && !target.hasRelations()) {
                    nodes.remove(targetRef);
                }
            }
        }
        n.undeclareAll();
    }

    private static String first(List<String> l) {
        return l.isEmpty() ? null : l.get(0);
    }

    /** Read-only questions about the graph, valid inside {@link #read}. */
    public final class GraphView {
        public Node node(String ref) {
            Node n = nodes.get(ref);
            return n != null && n.exists() ? n : null;
        }

        public Collection<Node> nodes() {
            return nodes.values();
        }

        /**
         * The entity and everything that is part of it, transitively, with the APIs those parts
         * provide (a Component offered as a capability is used through the APIs it provides).
         */
        public Set<String> parts(String ref) {
            return closure(ref, "hasPart", "providesApi");
        }

        /** The entity and everything it is part of ({@link #parts}' inverse): enclosing systems, domains, providers. */
        public Set<String> wholes(String ref) {
            return closure(ref, "partOf", "apiProvidedBy");
        }

        /** The entity and everything reachable from it through these relation types. */
        private Set<String> closure(String ref, String... types) {
            Set<String> out = new LinkedHashSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>(List.of(ref));
            while (!todo.isEmpty()) {
                String r = todo.poll();
                if (out.add(r)) {
                    Node n = nodes.get(r);
                    for (int i = 0; n != null && i < types.length; i++) {
                        todo.addAll(n.related(types[i]));
                    }
                }
            }
            return out;
        }

        /** The groups an owner stands for: a group itself, or a user's groups. */
        public Set<String> teams(String ownerRef) {
            if (ownerRef == null) {
                return Set.of();
            }
            if (ownerRef.startsWith("group:")) {
                return Set.of(ownerRef);
            }
            Node owner = nodes.get(ownerRef);
            return owner == null ? Set.of() : new LinkedHashSet<>(owner.related("memberOf"));
        }

        /** Groups that own at least one Component: the teams that could adopt a capability. */
        public Set<String> eligibleTeams() {
            Set<String> teams = eligibleTeams;
            if (teams == null) {
                teams = new HashSet<>();
                for (Node n : nodes.values()) {
                    if ("component".equals(n.kind)) {
                        teams.addAll(teams(n.ownerRef));
                    }
                }
                eligibleTeams = teams;
            }
            return teams;
        }

        /** Entities annotated as bypassing this capability. */
        public Set<String> declaredBypasses(String capabilityRef) {
            return bypassDeclarations.getOrDefault(capabilityRef, Set.of());
        }
    }
}
