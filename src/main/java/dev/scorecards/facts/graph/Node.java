package dev.scorecards.facts.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * One entity of the in-memory catalog graph: the few attributes facts are computed from, and its
 * relations in both directions grouped by type. A node that is only referenced (a dangling relation
 * target) has no kind.
 */
public final class Node {
    public static final int DESCRIPTION = 1;
    public static final int TECHDOCS = 1 << 1;
    public static final int DOCS_LINK = 1 << 2;
    public static final int ON_CALL = 1 << 3;
    public static final int SUPPORT_LINK = 1 << 4;
    public static final int RUNBOOK_LINK = 1 << 5;
    public static final int SOURCE_LOCATION = 1 << 6;
    static final int CAPABILITY_ANNOTATION = 1 << 7;

    public final String ref;
    public String kind;
    public String title;
    public String lifecycle;
    String type;
    public String ownerRef;
    public String bypasses;
    int flags;
    /** For an API: whether its definition defines something (an operation, channel, type or rpc). */
    public boolean apiDefined;
    long firstIngestion;
    /** Relations by type index ({@link RelationIndex}); null where there are none. */
    public final List<String>[] related;
    /** The relations this node's own spec declares (type index, target), for replacing them. */
    int[] declaredTypes = NO_TYPES;
    String[] declaredTargets = NO_TARGETS;

    private static final int[] NO_TYPES = new int[0];
    private static final String[] NO_TARGETS = new String[0];

    void declare(int type, String target) {
        int n = declaredTypes.length;
        declaredTypes = java.util.Arrays.copyOf(declaredTypes, n + 1);
        declaredTargets = java.util.Arrays.copyOf(declaredTargets, n + 1);
        declaredTypes[n] = type;
        declaredTargets[n] = target;
    }

    void undeclareAll() {
        declaredTypes = NO_TYPES;
        declaredTargets = NO_TARGETS;
    }

    @SuppressWarnings("unchecked")
    Node(String ref) {
        this.ref = ref;
        this.related = new List[RelationIndex.size()];
    }

    public String ref() {
        return ref;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String lifecycle() {
        return lifecycle;
    }

    public String ownerRef() {
        return ownerRef;
    }

    boolean exists() {
        return kind != null;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public List<String> related(String type) {
        List<String> r = related[RelationIndex.of(type)];
        return r == null ? List.of() : r;
    }

    void add(int type, String other) {
        List<String> r = related[type];
        if (r == null) {
            r = new ArrayList<>(2);
            related[type] = r;
        }
        r.add(other);
    }

    void remove(int type, String other) {
        List<String> r = related[type];
        if (r != null) {
            r.remove(other);
            if (r.isEmpty()) {
                related[type] = null;
            }
        }
    }

    boolean hasRelations() {
        for (List<String> r : related) {
            if (r != null) {
                return true;
            }
        }
        return false;
    }
}
