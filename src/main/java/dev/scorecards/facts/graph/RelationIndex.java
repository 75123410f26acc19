package dev.scorecards.facts.graph;

import dev.scorecards.catalog.processing.RelationRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small number for every relation type of {@code catalog/relations.yaml}, for array-indexed lookups. */
public final class RelationIndex {
    private static final List<String> TYPES = new ArrayList<>(RelationRules.get().types());
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        TYPES.sort(String::compareTo);
        for (int i = 0; i < TYPES.size(); i++) {
            INDEX.put(TYPES.get(i), i);
        }
    }

    private RelationIndex() {
    }

    static int size() {
        return TYPES.size();
    }

    static int of(String type) {
        Integer i = INDEX.get(type);
        if (i == null) {
            throw new IllegalArgumentException("unknown relation type " + type);
        }
        return i;
    }

    public static String name(int index) {
        return TYPES.get(index);
    }

    static int inverse(int index) {
        return of(RelationRules.get().inverseOf(TYPES.get(index)));
    }
}
