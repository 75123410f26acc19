package dev.scorecards.catalog.query;

import java.util.List;

/** A condition on entities that reads become SQL over {@code catalog_entity e}: a filter or a predicate. */
public interface EntityCondition {
    /** The SQL condition, with its parameters appended to {@code params}. */
    String toSql(List<Object> params);

    /** Every entity. */
    EntityCondition ALL = params -> "true";

    /** Both conditions. */
    static EntityCondition both(EntityCondition a, EntityCondition b) {
        return params -> "(" + a.toSql(params) + " and " + b.toSql(params) + ")";
    }
}
