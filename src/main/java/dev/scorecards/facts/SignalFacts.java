package dev.scorecards.facts;

/**
 * The facts about a capability that come from its history and its users rather than the catalog: the
 * consumer trend, the time to its first adopter, its satisfaction ratings and its support load
 * ({@link SupportLoad}). A null value is a fact that is not reported (never observed, nobody rated,
 * nothing pushed), so checks see it as absent.
 */
public record SignalFacts(long consumerTrend, Double daysToFirstAdopter, long satisfactionCount,
        Double satisfactionMean, Double csat, Double supportLoad, Double supportLoadPerTeam) {
}
