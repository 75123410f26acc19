package dev.scorecards.facts;

import java.util.Set;

/** The fact names the catalog graph provides; pushed facts may not use them. */
final class DerivedNames {
    static final Set<String> ALL = Set.of("kind", "ownerRef", "ownerExists", "ownerIsGroup", "ownerMemberCount",
            "hasDescription", "hasDocs", "hasSourceLocation", "lifecycle", "apiCount", "apisWithDefinition",
            "apisWithoutDefinition", "hasOnCall", "hasSupportChannel", "hasRunbook", "isProduction", "partCount",
            "consumerCount", "consumingTeamCount", "eligibleTeamCount", "adoptionRate", "bypassCount",
            "bypassingTeamCount", "bypassRatio", "coordinationCost", "consumerTrend", "daysToFirstAdopter",
            "satisfactionCount", "satisfactionMean", "csat");

    private DerivedNames() {
    }
}
