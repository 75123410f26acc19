package dev.scorecards.catalog.store;

import dev.scorecards.catalog.model.Conflict;
import dev.scorecards.catalog.model.Incoming;
import dev.scorecards.catalog.model.ProcessedEntity;
import dev.scorecards.catalog.model.Relation;
import dev.scorecards.catalog.processing.RelationRules;
import dev.scorecards.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The SQL behind {@link CatalogWriter}: entity rows (COPY and unnest), their relations, refused claims. */
final class EntityRows {
    private EntityRows() {
    }

    /** The stored rows of the chunk's refs: ref → {source, body hash, parent ref, input hash}. */
    static Map<String, String[]> existing(Connection c, List<Incoming> chunk) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select ref, source, body_hash, parent_ref, input_hash from catalog_entity where ref = any(?)")) {
            ps.setArray(1, Sql.texts(c, chunk.stream().map(i -> i.entity().ref().toString()).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                }
            }
        }
        return out;
    }

    /**
     * The refs of {@code source}'s entities stored from documents with these input hashes: hash → ref. The
     * source is compared here, not in SQL: with it in SQL the planner chose the source index whenever the
     * statistics did not know the source, and while that source's ingestion runs every lookup then walked all
     * of its uncommitted rows (quadratic: 5.2 s of lookups in a 100,000-entity location).
     */
    static Map<String, String> byInputHash(Connection c, String source, Collection<String> hashes) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select input_hash, ref, source from catalog_entity where input_hash = any(?)")) {
            ps.setArray(1, Sql.texts(c, hashes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (source.equals(rs.getString(3))) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** Inserts new entities of {@code source}, first seen in {@code ingestion}, by COPY. */
    static void insert(Connection c, List<Incoming> rows, String source, long ingestion) throws SQLException {
        Copy copy = new Copy();
        String generation = Long.toString(ingestion);
        for (Incoming in : rows) {
            ProcessedEntity e = in.entity();
            copy.field(UUID.randomUUID().toString()).field(e.ref().toString()).field(e.ref().kind())
                    .field(e.ref().namespace()).field(e.ref().name()).field(source).field(in.parentRef())
                    .field(e.head()).field(e.tail()).field(e.hash()).field(e.search().lowerJson())
                    .field(e.search().originalJson()).field(generation).field(in.inputHash()).endRow();
        }
        copy.into(c, "catalog_entity (uid, ref, kind, namespace, name, source, parent_ref, head, tail, body_hash,"
                + " search, search_original, first_ingestion, input_hash)");
    }

    /** Records the input hashes of entities that processed to what was stored (ref, hash pairs). */
    static void rememberInputs(Connection c, List<String> refs, List<String> hashes) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update catalog_entity e set input_hash = u.h"
                + " from unnest(?::text[], ?::text[]) as u(ref, h) where e.ref = u.ref")) {
            ps.setArray(1, Sql.texts(c, refs));
            ps.setArray(2, Sql.texts(c, hashes));
            ps.executeUpdate();
        }
    }

    /** Updates changed entities in one statement (arrays of columns, unnested). */
    static void update(Connection c, List<Incoming> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String[][] cols = new String[11][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Incoming in = rows.get(i);
            ProcessedEntity e = in.entity();
            String[] row = {e.ref().toString(), e.ref().kind(), e.ref().namespace(), e.ref().name(), in.parentRef(),
                e.head(), e.tail(), e.hash(), e.search().lowerJson(), e.search().originalJson(), in.inputHash()};
            for (int col = 0; col < row.length; col++) {
                cols[col][i] = row[col];
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update catalog_entity e set kind = u.kind, namespace = u.namespace, name = u.name,
                       parent_ref = u.parent_ref, head = u.head, tail = u.tail, body_hash = u.body_hash,
                       search = u.search::jsonb, search_original = u.search_original::jsonb, input_hash = u.input_hash,
                       updated_at = now()
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[])
                     as u(ref, kind, namespace, name, parent_ref, head, tail, body_hash, search, search_original,
                          input_hash)
                where e.ref = u.ref
                """)) {
            for (int col = 0; col < cols.length; col++) {
                ps.setArray(col + 1, c.createArrayOf("text", cols[col]));
            }
            ps.executeUpdate();
        }
    }

    /** Inserts the relations the entities declare; returns their targets, whose relations changed. */
    static Set<String> insertRelations(Connection c, List<Incoming> rows) throws SQLException {
        Copy copy = new Copy();
        Set<String> touchedHere = new HashSet<>();
        RelationRules rules = RelationRules.get();
        for (Incoming in : rows) {
            for (Relation r : in.entity().relations()) {
                copy.field(r.sourceRef()).field(r.type()).field(r.targetRef()).field(rules.inverseOf(r.type()))
                        .endRow();
                touchedHere.add(r.targetRef());
            }
        }
        copy.into(c, "catalog_relation (source_ref, type, target_ref, inverse)");
        return touchedHere;
    }

    /**
     * The entities among {@code rows} whose declared relations (type, target and inverse, as a multiset) differ
     * from the rows stored for them.
     */
    static List<Incoming> withOtherRelations(Connection c, List<Incoming> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<List<String>, Integer>> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select source_ref, type, target_ref, inverse from catalog_relation where source_ref = any(?)")) {
            ps.setArray(1, Sql.texts(c, rows.stream().map(i -> i.entity().ref().toString()).toList()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .merge(List.of(rs.getString(2), rs.getString(3), rs.getString(4)), 1, Integer::sum);
                }
            }
        }
        RelationRules rules = RelationRules.get();
        List<Incoming> out = new java.util.ArrayList<>();
        for (Incoming in : rows) {
            Map<List<String>, Integer> declared = new HashMap<>();
            for (Relation r : in.entity().relations()) {
                declared.merge(List.of(r.type(), r.targetRef(), rules.inverseOf(r.type())), 1, Integer::sum);
            }
            if (!declared.equals(stored.getOrDefault(in.entity().ref().toString(), Map.of()))) {
                out.add(in);
            }
        }
        return out;
    }

    /** Deletes the relations declared by {@code origins}; returns their targets, whose relations changed. */
    static Set<String> deleteRelationsOf(Connection c, Collection<String> origins) throws SQLException {
        Set<String> touched = new HashSet<>();
        if (origins.isEmpty()) {
            return touched;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "delete from catalog_relation where source_ref = any(?) returning target_ref")) {
            ps.setArray(1, Sql.texts(c, origins));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(rs.getString(1));
                }
            }
        }
        return touched;
    }

    /** Replaces this source's refused claims; returns the entities whose status changes. */
    static Set<String> recordConflicts(Connection c, String source, boolean full, Set<String> seen,
            List<Conflict> conflicts) throws SQLException {
        Set<String> changed = new HashSet<>();
        String delete = full ? "delete from catalog_conflict where source = ? returning ref"
                : "delete from catalog_conflict where source = ? and ref = any(?) returning ref";
        try (PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setString(1, source);
            if (!full) {
                Set<String> offered = new HashSet<>(seen);
                conflicts.forEach(k -> offered.add(k.entityRef()));
                ps.setArray(2, Sql.texts(c, offered));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into catalog_conflict (ref, source, owner_source, message)
                    select u.ref, ?, u.owner, u.message from unnest(?::text[], ?::text[], ?::text[]) as u(ref, owner, message)
                    on conflict (ref, source) do update set owner_source = excluded.owner_source,
                        message = excluded.message, seen_at = now()
                    """)) {
                ps.setString(1, source);
                ps.setArray(2, Sql.texts(c, conflicts.stream().map(Conflict::entityRef).toList()));
                ps.setArray(3, Sql.texts(c, conflicts.stream().map(Conflict::ownerSource).toList()));
                ps.setArray(4, Sql.texts(c, conflicts.stream().map(Conflict::message).toList()));
                ps.executeUpdate();
            }
            conflicts.forEach(k -> changed.add(k.entityRef()));
        }
        return changed;
    }
}
