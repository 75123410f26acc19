package dev.scorecards.web;

import dev.scorecards.catalog.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A scorecard badge of a capability as the pages show it: the badge endpoint's SVG and its text alternative. */
public record Badge(String scorecard, String url, String alt) {
    /** The scorecards that have a badge on the pages, in the order shown. */
    static final List<String> SCORECARDS = List.of("adoption", "documentation", "support-readiness");

    /** The badges of a capability; {@code levels} maps a scorecard id to its name and level ("Adoption: Gold"). */
    static List<Badge> of(EntityRef ref, Map<String, String> levels) {
        List<Badge> out = new ArrayList<>();
        for (String card : SCORECARDS) {
            out.add(new Badge(card, "/api/scorecards/badges/" + ref.kind() + "/" + ref.namespace() + "/" + ref.name()
                    + "/" + card + ".svg", levels.getOrDefault(card, card)));
        }
        return out;
    }
}
