package dev.scorecards.scoring.query;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;

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

    /**
     * The first page's query for the list's parameters as a URL carries them (the JSON API's and the web
     * page's alike): blank means absent, {@code -} before the sort means descending (default {@code name}),
     * and the owner is a ref whose kind defaults to {@code group}.
     */
    public static CapabilityListQuery of(String owner, String kind, String scorecard, String level, String q,
            String sort) {
        String s = sort == null || sort.isBlank() ? "name" : sort.trim();
        boolean descending = s.startsWith("-");
        return new CapabilityListQuery(owner(owner), blank(kind), blank(scorecard), blank(level), blank(q),
                descending ? s.substring(1) : s, descending, null, null, null);
    }

    private static String owner(String owner) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        try {
            return EntityRef.parse(owner.trim(), "group", EntityRef.DEFAULT_NAMESPACE).toString();
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid owner '" + owner + "': " + e.getMessage());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
