package dev.scorecards.catalog.query;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.RawEntity;
import dev.scorecards.catalog.model.Relation;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.processing.RelationRules;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Reads the catalog as Backstage's catalog API answers it: by ref, uid, filter, cursor and facet. */
@ApplicationScoped
public class CatalogQueries {
    /** Rows {@link #list} fetches at a time from its one cursor (tests lower it to cross fetches). */
    static int listFetchSize = 1000;

    /** Rows fetched per round trip when a whole-catalog read streams through a cursor. */
    private static final int STREAM_ROWS = 1000;

    private final DataSource dataSource;

    private final EntityCache cache;

    @Inject
    CatalogQueries(DataSource dataSource, EntityCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** The entity with this ref (any casing); read through the cache. */
    public StoredEntity byRef(EntityRef ref) {
        return byRef(ref.toString());
    }

    private StoredEntity byRef(String ref) {
        return cache.get(ref.toLowerCase(Locale.ROOT), k -> {
            List<StoredEntity> rows = select("where e.ref = ?", k);
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /** The entity if it is cached (no database access, so safe on an I/O thread), else null. */
    public StoredEntity cached(EntityRef ref) {
        return cache.ifPresent(ref.toString());
    }

    public StoredEntity byUid(String uid) {
        try {
            java.util.UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<StoredEntity> found = select("where e.uid = ?::uuid", uid);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The entities for {@code refs} in request order, null where unknown or filtered out. */
    public List<StoredEntity> byRefs(List<String> refs, EntityCondition filter) {
        List<Object> params = new ArrayList<>();
        params.add(refs.stream().map(r -> r.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new));
        String where = "where e.ref = any(?) and " + filter.toSql(params);
        Map<String, StoredEntity> byRef = new HashMap<>();
        for (StoredEntity e : select(where, params.toArray())) {
            byRef.put(e.ref(), e);
        }
        List<StoredEntity> out = new ArrayList<>(refs.size());
        for (String ref : refs) {
            out.add(byRef.get(ref.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The entity and the Location entities it was read through, up to the registered one. */
    public List<StoredEntity> ancestry(String ref) {
        List<StoredEntity> chain = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        StoredEntity current = byRef(ref);
        while (current != null && seen.add(current.ref())) {
            chain.add(current);
            current = current.parentRef() == null ? null : byRef(current.parentRef());
        }
        return chain;
    }

    /**
     * Streams matching entities (JSON) to {@code sink}, for {@code GET /entities}: ordered by the
     * given fields (nulls last, then uid) or by ref; {@code limit} null means all of them. One query
     * through a cursor: one snapshot, no page skipping {@code offset} rows again.
     */
    public void list(EntityFilter filter, List<EntityOrder> order, Integer limit, int offset,
            Consumer<String> sink) {
        List<Object> params = new ArrayList<>();
        String where = filter.toSql(params);
        StringBuilder orderBy = new StringBuilder();
        for (EntityOrder o : order) {
            params.add(o.field());
            orderBy.append("e.search -> ? ->> 0 ").append(o.ascending() ? "asc" : "desc").append(" nulls last, ");
        }
        orderBy.append(order.isEmpty() ? "e.ref" : "e.uid");
        params.add(offset);
        if (limit != null) {
            params.add(limit);
        }
        Sql.stream(dataSource, "select catalog_entity_json(e) from catalog_entity e where " + where + " order by "
                + orderBy + " offset ?" + (limit == null ? "" : " limit ?"), params, listFetchSize,
                rs -> sink.accept(rs.getString(1)));
    }

    /** One page of {@code GET /entities/by-query}. */
    public EntityPage query(EntityQuery q, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(q.condition().toSql(params));
        String sortValue = null;
        if (q.order() != null) {
            params.add(q.order().field());
            where.append(" and e.search -> ? ->> 0 is not null");
            sortValue = "(e.search -> '" + q.order().field().replace("'", "''") + "' ->> 0)";
        }
        if (q.term() != null && !q.term().isEmpty()) {
            List<String> fields = q.termFields() != null && !q.termFields().isEmpty() ? q.termFields()
                    : List.of(q.order() != null ? q.order().field() : "metadata.uid");
            List<String> ors = new ArrayList<>();
            String like = "%" + q.term().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (String field : fields) {
                if (field.equals("metadata.uid")) {
                    ors.add("e.uid::text like ?");
                    params.add(like);
                } else {
                    ors.add("exists (select 1 from jsonb_array_elements_text(e.search -> ?) v where v like ?)");
                    params.add(field);
                    params.add(like);
                }
            }
            where.append(" and (").append(String.join(" or ", ors)).append(")");
        }
        long total = q.totalItems() != null ? q.totalItems() : count(where.toString(), params);

        boolean ascending = q.order() == null || q.order().ascending();
        boolean scanAscending = q.backwards() ? !ascending : ascending;
        String keyExpr = sortValue == null ? "e.uid" : "(" + sortValue + ", e.uid)";
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder sql = new StringBuilder("select catalog_entity_json(e), e.uid::text, ")
                .append(sortValue == null ? "null" : sortValue)
                .append(" from catalog_entity e where ").append(where);
        if (q.afterUid() != null) {
            sql.append(" and ").append(keyExpr).append(scanAscending ? " > " : " < ");
            if (sortValue == null) {
                sql.append("?::uuid");
            } else {
                sql.append("(?, ?::uuid)");
                pageParams.add(q.afterValue());
            }
            pageParams.add(q.afterUid());
        }
        String dir = scanAscending ? " asc" : " desc";
        sql.append(" order by ").append(sortValue == null ? "e.uid" + dir : sortValue + dir + ", e.uid" + dir)
                .append(" limit ? offset ?");
        pageParams.add(limit + 1);
        pageParams.add(q.afterUid() == null ? offset : 0);
        List<String[]> rows = new ArrayList<>();
        query(sql.toString(), pageParams, rs -> rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (q.backwards()) {
            Collections.reverse(rows);
        }
        List<String> items = rows.stream().map(r -> r[0]).toList();
        EntityQuery next = null;
        EntityQuery previous = null;
        if (!rows.isEmpty()) {
            String[] first = rows.get(0);
            String[] last = rows.get(rows.size() - 1);
            boolean hasNext = q.backwards() || more;
            boolean hasPrevious = q.backwards() ? more : q.afterUid() != null;
            if (hasNext) {
                next = q.continuing(last[2], last[1], false, total);
            }
            if (hasPrevious) {
                previous = q.continuing(first[2], first[1], true, total);
            }
        }
        return new EntityPage(items, total, next, previous);
    }

    /** Refs of the entities matching {@code filter}, among {@code among} (all entities when null). */
    public java.util.Set<String> refsMatching(EntityFilter filter, java.util.Collection<String> among) {
        List<Object> params = new ArrayList<>();
        String where = filter.toSql(params);
        if (among != null) {
            params.add(among.toArray(new String[0]));
            where += " and e.ref = any(?)";
        }
        java.util.Set<String> out = new java.util.HashSet<>();
        query("select e.ref from catalog_entity e where " + where, params, rs -> out.add(rs.getString(1)));
        return out;
    }

    /**
     * Streams the entities with these refs (all entities when null), as ingested, through a cursor
     * ({@link #STREAM_ROWS} rows at a time): the whole catalog is never held as one result.
     */
    public void raw(java.util.Collection<String> refs, Consumer<RawEntity> sink) {
        List<Object> params = new ArrayList<>();
        String where = among("e.ref", refs, params);
        Sql.stream(dataSource, "select e.ref, e.head || e.tail || '}', e.first_ingestion, e.created_at"
                + " from catalog_entity e" + where, params, STREAM_ROWS, rs -> sink.accept(new RawEntity(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant())));
    }

    /**
     * Streams the relations declared by these refs (by every entity when null), in the declared direction,
     * through a cursor as {@link #raw} does.
     */
    public void declaredRelations(java.util.Collection<String> sources, Consumer<Relation> sink) {
        List<Object> params = new ArrayList<>();
        String where = among("source_ref", sources, params);
        Sql.stream(dataSource, "select source_ref, type, target_ref from catalog_relation" + where, params,
                STREAM_ROWS * 4, rs -> sink.accept(new Relation(rs.getString(1), rs.getString(2), rs.getString(3))));
    }

    /** A where clause keeping rows whose {@code column} is one of {@code refs} (none when null: every row). */
    private static String among(String column, java.util.Collection<String> refs, List<Object> params) {
        if (refs == null) {
            return "";
        }
        params.add(refs.toArray(new String[0]));
        return " where " + column + " = any(?)";
    }

    /** Facet value counts (values as written) over the entities matching {@code filter}. */
    public Map<String, List<FacetCount>> facets(List<String> facets, EntityCondition filter) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        for (String facet : facets) {
            List<Object> params = new ArrayList<>();
            String key = facet.toLowerCase(Locale.ROOT);
            String sql;
            if (key.startsWith("relations.")) {
                String type = RelationRules.get().canonical(key.substring("relations.".length()));
                params.add(type == null ? "" : type);
                params.add(type == null ? "" : type);
                sql = "select r.value, count(*) from (select source_ref as ref, target_ref as value from catalog_relation"
                        + " where type = ? union select target_ref, source_ref from catalog_relation where inverse = ?) r"
                        + " join catalog_entity e on e.ref = r.ref where " + filter.toSql(params)
                        + " group by r.value order by r.value";
            } else {
                params.add(key);
                params.add(key);
                sql = "select v, count(*) from catalog_entity e cross join lateral jsonb_array_elements_text("
                        + "coalesce(e.search_original -> ?, e.search -> ?)) v where " + filter.toSql(params)
                        + " group by v order by v";
            }
            List<FacetCount> counts = new ArrayList<>();
            query(sql, params, rs -> counts.add(new FacetCount(rs.getString(1), rs.getLong(2))));
            out.put(facet, counts);
        }
        return out;
    }

    private long count(String where, List<Object> params) {
        long[] n = new long[1];
        query("select count(*) from catalog_entity e where " + where, params, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    List<StoredEntity> select(String where, Object... params) {
        List<StoredEntity> out = new ArrayList<>();
        query("select e.ref, e.uid::text, e.source, e.parent_ref, catalog_entity_json(e) from catalog_entity e " + where,
                List.of(params), rs -> out.add(new StoredEntity(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))));
        return out;
    }

    private void query(String sql, List<Object> params, Sql.RowReader reader) {
        Sql.query(dataSource, sql, params, reader);
    }
}
