package dev.scorecards.facts.pushed;

import java.util.Set;

/** Announced when pushed facts commit: the entities that have new values. */
public record FactsPushed(Set<String> entityRefs) {
}
