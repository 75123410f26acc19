package dev.scorecards.reviews;

import java.util.List;

/**
 * What a review knows about one capability at a moment: its result as stored then (scoring's history for
 * the level and consumers, this stage's snapshot for the rest). {@code blocking}: the checks that stand
 * between it and its next rung of the ladder. {@code supportLoad}, {@code supportLoadPerTeam}: the facts of
 * that name as stored then (null: not reported).
 */
public record Snapshot(String ref, String title, String owner, String level, int levelIndex, int consumers,
        double adoptionRate, List<String> consumingTeams, int bypassCount, List<String> bypassingTeams,
        Double daysToFirstAdopter, List<String> blocking, Double supportLoad, Double supportLoadPerTeam) {
}
