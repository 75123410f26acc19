package dev.scorecards.catalog;

import java.util.Set;

/**
 * What one committed write changed: entities created, updated and removed, and every entity whose
 * served form changed through a relation or a status (a neighbour of a changed entity included).
 */
public record ChangeSet(Set<String> created, Set<String> updated, Set<String> removed, Set<String> touched) {

    public boolean isEmpty() {
        return created.isEmpty() && updated.isEmpty() && removed.isEmpty() && touched.isEmpty();
    }
}
