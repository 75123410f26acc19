package dev.scorecards.reviews;

import java.util.List;
import java.util.Map;

/**
 * A platform review of one period, for the organisation ({@code team} null) or one team's capabilities:
 * the typed model that the JSON, Markdown and HTML renderers write. Every figure is replayed from the
 * stored history as it stood at the period's end (and, for changes, at the previous period's end).
 */
public record Review(String scope, String team, String title, PeriodInfo period, Capabilities capabilities,
        Adoption adoption, TimeToFirstAdopter timeToFirstAdopter, Satisfaction satisfaction, Bypasses bypasses,
        SupportLoad supportLoad, List<Bottleneck> bottlenecks, List<CampaignProgress> campaigns,
        List<Step> nextSteps) {

    public record PeriodInfo(String kind, String label, String start, String end, String previousStart,
            String previousEnd) {
    }

    /** The capabilities at the end, how many hold each rung, and what moved since the previous period. */
    public record Capabilities(int count, Map<String, Long> levels, int up, int down, int added, List<String> removed,
            List<Rung> items) {
    }

    /** {@code change}: new, up, down or same against the previous period's end. */
    public record Rung(String entityRef, String title, String owner, String level, int levelIndex,
            String previousLevel, String change) {
    }

    public record Adoption(long consumers, long previousConsumers, Double medianRate, Double previousMedianRate,
            int growing, int falling, List<AdoptionItem> items) {
    }

    /** {@code trend}: new, up, down or flat (consumers against the previous period's end). */
    public record AdoptionItem(String entityRef, int consumers, Integer previousConsumers, int consumingTeams,
            double rate, Double previousRate, String trend) {
    }

    public record TimeToFirstAdopter(Double medianDays, Double p90Days, long n, long notReported) {
    }

    /** Ratings current at the end: n, CSAT (share of 4 and 5, percent) and mean; ratings of 1 or 2 given in the period. */
    public record Satisfaction(long n, Double csat, Double mean, List<LowRating> lowRatings) {
    }

    public record LowRating(String entityRef, int score, String comment, String at) {
    }

    public record Bypasses(long count, int capabilities, List<BypassItem> items) {
    }

    /**
     * A capability gone around at the end: by whom, how many of its bypassing teams gave each reason
     * (their newest answers before the end), and those that had not answered.
     */
    public record BypassItem(String entityRef, int count, List<String> teams, Map<String, Long> reasons,
            List<BypassAnswer> answers, List<String> unanswered) {
    }

    public record BypassAnswer(String team, String reason, String comment, String instead, String at) {
    }

    /**
     * The facts {@code supportLoad} (pushed {@code support.tickets} + {@code support.incidents} within the trend
     * window) and {@code supportLoadPerTeam} of each capability as last stored before the end; {@code total}: their sum.
     */
    public record SupportLoad(double total, List<SupportItem> items) {
    }

    public record SupportItem(String entityRef, double supportLoad, int consumingTeams, Double supportLoadPerTeam) {
    }

    /** A team through which at least the configured share of shortest paths between other teams runs. */
    public record Bottleneck(String team, double share, int fanIn, int fanOut) {
    }

    /** {@code status}: upcoming, active, completed or missed, as of the period's end. */
    public record CampaignProgress(String id, String title, String deadline, String status, long done, long total,
            double percentage) {
    }

    /** A check and how many capabilities' next rung waits on it; {@code wouldClimb}: those waiting on it alone. */
    public record Step(String checkId, String name, int capabilities, int wouldClimb, String remediation, String link,
            List<String> entityRefs) {
    }
}
