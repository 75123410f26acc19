package dev.scorecards.catalog.model;

import dev.scorecards.catalog.ChangeSet;
import java.util.List;

/** The outcome of writing one source: counts, refused claims, and what changed for observers. */
public record WriteResult(int created, int updated, int unchanged, int removed, List<Conflict> conflicts,
        ChangeSet changes) {
}
