package dev.scorecards.scoring;

/**
 * A request for a page of the capability list, also what its cursor carries.
 *
 * @param owner     owner ref, or null
 * @param kind      entity kind (lower-cased), or null
 * @param scorecard scorecard whose level {@code level} and percentage sort refer to (null: the ladder)
 * @param level     level name (case-insensitive), {@code none} for below the first level, or null
 * @param q         text contained in the ref or title, or null
 * @param sort      {@code name}, {@code level}, {@code consumers}, {@code adoption} or {@code percentage}
 * @param descending sort direction
 * @param afterValue sort value of the last row of the previous page (null on the first page)
 * @param afterRef  ref of the last row of the previous page (null on the first page)
 * @param totalItems the count of the first page, carried to the next ones (null: count it)
 */
public record CapabilityListQuery(String owner, String kind, String scorecard, String level, String q, String sort,
        boolean descending, String afterValue, String afterRef, Long totalItems) {
}
