package dev.scorecards.scoring.query;

import dev.scorecards.facts.BypassReasons;
import dev.scorecards.facts.pushed.Feedback;
import java.util.List;
import java.util.Map;

/**
 * The organisation at a glance (the contract's {@code OrganisationSummary}; its JSON is this record's,
 * field for field in this order): levels, adoption, time to first adopter, satisfaction, bypasses,
 * operational efficiency and bottleneck teams.
 */
public record OrganisationSummary(long capabilities, Map<String, Long> levels, Adoption adoptionRate,
        Signals.TimeToFirstAdopter.Figures timeToFirstAdopter, Feedback.Overall satisfaction, Bypasses bypasses,
        OperationalEfficiency operationalEfficiency, List<String> bottlenecks, String computedAt) {

    /** Capabilities by adoption rate ({@code 0}, then four ranges) and the median rate (null when none). */
    public record Adoption(List<Bucket> buckets, Double median) {
    }

    /** Capabilities whose adoption rate is in {@code (from, to]} ({@code [0, 0]} for the first). */
    public record Bucket(double from, double to, long count) {
    }

    /** Bypasses over every capability, the organisation's ratio, and the reasons given or still open. */
    public record Bypasses(long count, long capabilities, double ratio, long answered, Map<String, Long> reasons,
            List<BypassReasons.Open> open) {
    }

    public record OperationalEfficiency(Figure supportLoadPerTeam, Figure coordinationCost) {
    }

    /** A fact over the capabilities that report it: median, maximum, and the three highest. */
    public record Figure(long capabilities, Double median, Double max, List<Highest> highest) {
    }

    public record Highest(String entityRef, double value) {
    }
}
