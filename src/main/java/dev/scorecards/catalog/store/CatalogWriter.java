package dev.scorecards.catalog.store;

import dev.scorecards.catalog.ChangeSet;
import dev.scorecards.catalog.model.Conflict;
import dev.scorecards.catalog.model.Incoming;
import dev.scorecards.catalog.model.ProcessedEntity;
import dev.scorecards.catalog.model.Relation;
import dev.scorecards.catalog.model.WriteResult;
import dev.scorecards.catalog.processing.RelationRules;
import dev.scorecards.catalog.query.EntityCache;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes entities into the catalog tables inside the caller's transaction. Every write first takes
 * one PostgreSQL advisory lock, so writes from any replica are serialised and a ref can never be
 * claimed by two sources at once.
 */
@ApplicationScoped
public class CatalogWriter {
    private static final long WRITE_LOCK = 0x5C0_2ECA_2D5L;

    @Inject
    DataSource dataSource;


    /** Opens a write of one source's entities; must run inside a transaction. */
    public SourceWrite open(String source, long ingestion) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps =
                c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, WRITE_LOCK);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new SourceWrite(source, ingestion);
    }

    /** Deletes the entity with this uid (and the relations it declared); null if there is none. */
    public ChangeSet deleteByUid(UUID uid) {
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            String ref = null;
            try (PreparedStatement ps = c.prepareStatement("delete from catalog_entity where uid = ? returning ref")) {
                ps.setObject(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        ref = rs.getString(1);
                    }
                }
            }
            if (ref == null) {
                return null;
            }
            Set<String> touched = deleteRelationsOf(c, List.of(ref));
            touched.remove(ref);
            Set<String> announced = new HashSet<>(touched);
            announced.add(ref);
            EntityCache.announce(c, announced);
            return new ChangeSet(Set.of(), Set.of(), Set.of(ref), touched);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes every entity of a source, and its refused claims; returns what changed. */
    public ChangeSet deleteSource(String source) {
        SourceWrite write = open(source, 0);
        return write.finish(true).changes();
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, WRITE_LOCK);
            ps.execute();
        }
    }

    /** Deletes the relations declared by {@code origins}; returns their targets, whose relations changed. */
    private static Set<String> deleteRelationsOf(Connection c, Collection<String> origins) throws SQLException {
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

    /** One source's write: feed it chunks of entities, then {@link #finish} it once. */
    public final class SourceWrite {
        private final String source;
        private final long ingestion;
        private final Set<String> seen = new HashSet<>();
        private final Set<String> created = new LinkedHashSet<>();
        private final Set<String> updated = new LinkedHashSet<>();
        private final Set<String> touched = new HashSet<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private int unchanged;

        private SourceWrite(String source, long ingestion) {
            this.source = source;
            this.ingestion = ingestion;
        }

        /** Stores a chunk: new entities inserted, changed ones updated, refs owned elsewhere refused. */
        public void write(List<Incoming> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                Map<String, String[]> existing = existing(c, chunk);
                List<Incoming> inserts = new ArrayList<>();
                List<Incoming> updates = new ArrayList<>();
                for (Incoming in : chunk) {
                    String ref = in.entity().ref().toString();
                    String[] row = existing.get(ref);
                    if (row != null && !row[0].equals(source)) {
                        conflicts.add(new Conflict(in.index(), ref, row[0], "Entity " + ref
                                + " is already provided by source '" + row[0] + "'; the claim of '" + source
                                + "' was refused"));
                        continue;
                    }
                    seen.add(ref);
                    if (row == null) {
                        inserts.add(in);
                    } else if (row[1].equals(in.entity().hash()) && java.util.Objects.equals(row[2], in.parentRef())) {
                        unchanged++;
                    } else {
                        updates.add(in);
                    }
                }
                insert(c, inserts);
                update(c, updates);
                List<Incoming> changed = new ArrayList<>(inserts);
                changed.addAll(updates);
                List<String> changedRefs = changed.stream().map(i -> i.entity().ref().toString()).toList();
                touched.addAll(deleteRelationsOf(c, changedRefs));
                touched.addAll(insertRelations(c, changed));
                inserts.forEach(i -> created.add(i.entity().ref().toString()));
                updates.forEach(i -> updated.add(i.entity().ref().toString()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Completes the write: with {@code full}, entities of this source that were not written are
         * removed (as Backstage deletes orphans), and refused claims are recorded.
         */
        public WriteResult finish(boolean full) {
            try (Connection c = dataSource.getConnection()) {
                Set<String> removed = new LinkedHashSet<>();
                if (full) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "delete from catalog_entity where source = ? and ref <> all(?) returning ref")) {
                        ps.setString(1, source);
                        ps.setArray(2, Sql.texts(c, seen));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                removed.add(rs.getString(1));
                            }
                        }
                    }
                    touched.addAll(deleteRelationsOf(c, removed));
                }
                touched.addAll(recordConflicts(c, full));
                Set<String> announced = new HashSet<>(touched);
                announced.addAll(created);
                announced.addAll(updated);
                announced.addAll(removed);
                EntityCache.announce(c, announced);
                Set<String> neighbours = new HashSet<>(touched);
                neighbours.removeAll(created);
                neighbours.removeAll(updated);
                neighbours.removeAll(removed);
                return new WriteResult(created.size(), updated.size(), unchanged, removed.size(),
                        List.copyOf(conflicts), new ChangeSet(Set.copyOf(created), Set.copyOf(updated),
                                Set.copyOf(removed), Set.copyOf(neighbours)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private Map<String, String[]> existing(Connection c, List<Incoming> chunk) throws SQLException {
            Map<String, String[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select ref, source, body_hash, parent_ref from catalog_entity where ref = any(?)")) {
                ps.setArray(1, Sql.texts(c, chunk.stream().map(i -> i.entity().ref().toString()).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            return out;
        }

        private void insert(Connection c, List<Incoming> rows) throws SQLException {
            Copy copy = new Copy();
            String generation = Long.toString(ingestion);
            for (Incoming in : rows) {
                ProcessedEntity e = in.entity();
                copy.field(UUID.randomUUID().toString()).field(e.ref().toString()).field(e.ref().kind())
                        .field(e.ref().namespace()).field(e.ref().name()).field(source).field(in.parentRef())
                        .field(e.head()).field(e.tail()).field(e.hash()).field(e.search().lowerJson())
                        .field(e.search().originalJson()).field(generation).endRow();
            }
            copy.into(c, "catalog_entity (uid, ref, kind, namespace, name, source, parent_ref, head, tail, body_hash,"
                    + " search, search_original, first_ingestion)");
        }

        private void update(Connection c, List<Incoming> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            String[][] cols = new String[10][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Incoming in = rows.get(i);
                ProcessedEntity e = in.entity();
                String[] row = {e.ref().toString(), e.ref().kind(), e.ref().namespace(), e.ref().name(), in.parentRef(),
                    e.head(), e.tail(), e.hash(), e.search().lowerJson(), e.search().originalJson()};
                for (int col = 0; col < row.length; col++) {
                    cols[col][i] = row[col];
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update catalog_entity e set kind = u.kind, namespace = u.namespace, name = u.name,
                           parent_ref = u.parent_ref, head = u.head, tail = u.tail, body_hash = u.body_hash,
                           search = u.search::jsonb, search_original = u.search_original::jsonb, updated_at = now()
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::text[])
                         as u(ref, kind, namespace, name, parent_ref, head, tail, body_hash, search, search_original)
                    where e.ref = u.ref
                    """)) {
                for (int col = 0; col < cols.length; col++) {
                    ps.setArray(col + 1, c.createArrayOf("text", cols[col]));
                }
                ps.executeUpdate();
            }
        }

        private Set<String> insertRelations(Connection c, List<Incoming> rows) throws SQLException {
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

        /** Replaces this source's refused claims; returns the entities whose status changes. */
        private Set<String> recordConflicts(Connection c, boolean full) throws SQLException {
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

}
