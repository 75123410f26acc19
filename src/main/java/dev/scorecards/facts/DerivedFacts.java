package dev.scorecards.facts;

import java.util.List;

/**
 * The facts the catalog graph gives about one capability, as checks read them. Each component's name
 * is the fact's name in CEL ({@code facts.adoptionRate}), in stored results and in the Tech Insights
 * fact schema ({@code facts/derived-facts.yaml} must describe every one, with the type its Java type
 * gives: see {@link FactNames}). The rules behind each value are in docs/decisions.md ("Capabilities
 * and facts"), computed by {@link FactCalculator}.
 */
public record DerivedFacts(
        String kind,
        String ownerRef,
        boolean ownerExists,
        boolean ownerIsGroup,
        long ownerMemberCount,
        boolean hasDescription,
        boolean hasDocs,
        boolean hasSourceLocation,
        String lifecycle,
        long apiCount,
        long apisWithDefinition,
        List<String> apisWithoutDefinition,
        boolean hasOnCall,
        boolean hasSupportChannel,
        boolean hasRunbook,
        boolean isProduction,
        long partCount,
        long consumerCount,
        long consumingTeamCount,
        long eligibleTeamCount,
        double adoptionRate,
        long bypassCount,
        long bypassingTeamCount,
        double bypassRatio,
        long coordinationCost) {
}
