package dev.scorecards.facts;

import java.util.List;
import java.util.Map;

/**
 * Everything the catalog graph says about one capability: who owns and produces it, its parts, who
 * consumes it (and through which part), who goes around it, and the fact values that checks read
 * ({@link #facts}; {@link FactNames#asMap} gives them as CEL sees them).
 */
public record CapabilityFacts(String ref, String kind, String title, String ownerRef, List<String> producerTeams,
        List<String> parts, List<Consumer> consumers, List<String> consumingTeams, List<Bypass> bypasses,
        List<String> bypassingTeams, List<Map<String, Object>> relations, DerivedFacts facts) {

    /** An entity outside the capability that uses it, the team(s) it counts for, and the parts it uses. */
    public record Consumer(String ref, String kind, String ownerRef, List<String> teams, List<String> uses) {
    }

    /**
     * An entity that goes around the capability: {@code how} is {@code structural} (it depends on an
     * internal part while the capability offers APIs) or {@code declared} (annotated).
     */
    public record Bypass(String ref, String ownerRef, List<String> teams, String how, List<String> parts) {
    }

    public long consumerCount() {
        return consumers.size();
    }
}
