package dev.scorecards.scoring.query;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.scorecards.facts.BypassReasons;
import dev.scorecards.scoring.results.FirstAdopter;
import dev.scorecards.scoring.results.ScorecardResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One capability's full result, as {@code GET /api/scorecards/capabilities/{kind}/{namespace}/{name}}
 * answers it: its ladder level, every scorecard with its checks and next steps (with the definitions'
 * texts), its adoption, parts and fact values, when it was evaluated, changed, first seen and first
 * consumed, and why teams go around it. Read by the API, the web page, the MCP tools and reviews.
 * <p>
 * The stored part is kept as JSON (jsonb) and was always answered in the order PostgreSQL keeps a
 * jsonb object's keys (shorter keys first, then bytewise); the property orders here keep that order,
 * with the read-time fields after it, so the answer stays byte for byte what it was.
 */
@JsonPropertyOrder({"kind", "facts", "level", "owner", "parts", "title", "adoption", "entityRef", "levelIndex",
        "scorecards", "evaluatedAt", "changedAt", "firstSeenAt", "firstConsumerAt", "bypassReasons"})
public record CapabilityDetail(String entityRef, String kind, String title, String owner, String level, int levelIndex,
        List<ScorecardResult> scorecards, Adoption adoption, List<String> parts, Map<String, Object> facts,
        Instant evaluatedAt, Instant changedAt, Instant firstSeenAt, Instant firstConsumerAt,
        BypassReasons.Shown bypassReasons) {

    /** Who consumes the capability, who produces it, who goes around it, and how long its first adopter took. */
    @JsonPropertyOrder({"rate", "bypasses", "consumers", "bypassRatio", "eligibleTeams", "producerTeams",
            "bypassingTeams", "consumingTeams", "timeToFirstAdopter"})
    public record Adoption(long consumers, List<String> consumingTeams, List<String> producerTeams, long eligibleTeams,
            double rate, List<Bypass> bypasses, List<String> bypassingTeams, double bypassRatio,
            FirstAdopter timeToFirstAdopter) {
    }

    /** An entity that goes around the capability ({@code how}: structural or declared) and the parts it uses. */
    @JsonPropertyOrder({"how", "ref", "parts", "teams", "ownerRef"})
    public record Bypass(String ref, String ownerRef, List<String> teams, String how, List<String> parts) {
    }

    /** An entity that uses the capability, the team(s) it counts for, and the parts it uses. */
    @JsonPropertyOrder({"ref", "kind", "uses", "teams", "ownerRef"})
    public record Consumer(String ref, String kind, String ownerRef, List<String> teams, List<String> uses) {
    }

    /** The stored result with the texts of the definitions and the read-time fields. */
    CapabilityDetail with(List<ScorecardResult> described, Instant evaluated, Instant changed, Instant firstSeen,
            Instant firstConsumer) {
        return new CapabilityDetail(entityRef, kind, title, owner, level, levelIndex, described, adoption, parts, facts,
                evaluated, changed, firstSeen, firstConsumer, bypassReasons);
    }

    CapabilityDetail with(BypassReasons.Shown reasons) {
        return new CapabilityDetail(entityRef, kind, title, owner, level, levelIndex, scorecards, adoption, parts, facts,
                evaluatedAt, changedAt, firstSeenAt, firstConsumerAt, reasons);
    }
}
