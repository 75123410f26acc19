package dev.scorecards.catalog.store;

import dev.scorecards.catalog.CatalogChanged;
import dev.scorecards.catalog.CatalogNotices;
import dev.scorecards.catalog.ChangeSet;
import dev.scorecards.catalog.model.Conflict;
import dev.scorecards.catalog.model.Incoming;
import dev.scorecards.catalog.model.WriteResult;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * claimed by two sources at once. Every write announces what it changed: to other replicas through
 * {@link CatalogNotices}, and in this one as {@link CatalogChanged} (heard when the transaction commits),
 * so no caller can forget to.
 */
@ApplicationScoped
public class CatalogWriter {
    private static final long WRITE_LOCK = 0x5C0_2ECA_2D5L;

    private final DataSource dataSource;
    private final Event<CatalogChanged> changed;

    @Inject
    CatalogWriter(DataSource dataSource, Event<CatalogChanged> changed) {
        this.dataSource = dataSource;
        this.changed = changed;
    }

    /**
     * Opens a write of one source's entities; must run inside a transaction. The transaction gets 64 MB of
     * {@code work_mem}: PostgreSQL merges the search index's pending entries into the index in batches of that
     * size while inserting (in psql, inserting 100,000 stored rows into a copy of the table took 18.2 s with
     * the default 4 MB, 13.8 s with 64 MB).
     */
    public SourceWrite open(String source, long ingestion) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps =
                    c.prepareStatement("select pg_advisory_xact_lock(?), set_config('work_mem', '64MB', true)")) {
                ps.setLong(1, WRITE_LOCK);
                ps.execute();
            }
            boolean stored;
            try (PreparedStatement ps =
                    c.prepareStatement("select exists (select 1 from catalog_entity where source = ?)")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    stored = rs.next() && rs.getBoolean(1);
                }
            }
            return new SourceWrite(source, ingestion, stored);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Which of these input hashes the source's stored entities were processed from (hash → ref). Reads
     * what is committed, on a connection of its own (the checking thread has no transaction); while a
     * write of the source holds the write lock nobody else can change those rows.
     */
    public Map<String, String> storedInputs(String source, java.util.Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return EntityRows.byInputHash(c, source, hashes);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
            Set<String> touched = EntityRows.deleteRelationsOf(c, List.of(ref));
            touched.remove(ref);
            Set<String> announced = new HashSet<>(touched);
            announced.add(ref);
            CatalogNotices.announce(c, announced);
            ChangeSet changes = new ChangeSet(Set.of(), Set.of(), Set.of(ref), touched);
            changed.fire(new CatalogChanged(0, null, changes));
            return changes;
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

    /** One source's write: feed it chunks of entities, then {@link #finish} it once. */
    public final class SourceWrite {
        private final String source;
        private final long ingestion;
        private final Set<String> seen = new HashSet<>();
        private final Set<String> created = new LinkedHashSet<>();
        private final Set<String> updated = new LinkedHashSet<>();
        private final Set<String> touched = new HashSet<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private final boolean hadEntities;
        private int unchanged;

        private SourceWrite(String source, long ingestion, boolean hadEntities) {
            this.source = source;
            this.ingestion = ingestion;
            this.hadEntities = hadEntities;
        }

        /** Whether the source held any entity when this write began (under the write lock, so nobody adds one). */
        public boolean hadEntities() {
            return hadEntities;
        }

        /** Stores a chunk: new entities inserted, changed ones updated, refs owned elsewhere refused. */
        public void write(List<Incoming> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                Map<String, String[]> existing = EntityRows.existing(c, chunk);
                List<Incoming> inserts = new ArrayList<>();
                List<Incoming> updates = new ArrayList<>();
                List<String> rememberRefs = new ArrayList<>();
                List<String> rememberHashes = new ArrayList<>();
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
                        if (in.inputHash() != null && !in.inputHash().equals(row[3])) {
                            rememberRefs.add(ref);
                            rememberHashes.add(in.inputHash());
                        }
                    } else {
                        updates.add(in);
                    }
                }
                EntityRows.rememberInputs(c, rememberRefs, rememberHashes);
                EntityRows.insert(c, inserts, source, ingestion);
                EntityRows.update(c, updates);
                // an updated entity whose relations are what is stored keeps its rows: most changes (a
                // description, a label) leave them alone, and their neighbours did not change either
                List<Incoming> relationsChanged = new ArrayList<>(inserts);
                relationsChanged.addAll(EntityRows.withOtherRelations(c, updates));
                List<String> changedRefs = relationsChanged.stream().map(i -> i.entity().ref().toString()).toList();
                touched.addAll(EntityRows.deleteRelationsOf(c, changedRefs));
                touched.addAll(EntityRows.insertRelations(c, relationsChanged));
                inserts.forEach(i -> created.add(i.entity().ref().toString()));
                updates.forEach(i -> updated.add(i.entity().ref().toString()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Counts entities whose documents were offered exactly as when they were stored (same input
         * hash, see {@link #storedInputs}): they stay as they are, unprocessed.
         */
        public void unchanged(java.util.Collection<String> refs) {
            seen.addAll(refs);
            unchanged += refs.size();
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
                    touched.addAll(EntityRows.deleteRelationsOf(c, removed));
                }
                touched.addAll(EntityRows.recordConflicts(c, source, full, seen, conflicts));
                Set<String> announced = new HashSet<>(touched);
                announced.addAll(created);
                announced.addAll(updated);
                announced.addAll(removed);
                CatalogNotices.announce(c, announced);
                Set<String> neighbours = new HashSet<>(touched);
                neighbours.removeAll(created);
                neighbours.removeAll(updated);
                neighbours.removeAll(removed);
                ChangeSet changes = new ChangeSet(Set.copyOf(created), Set.copyOf(updated), Set.copyOf(removed),
                        Set.copyOf(neighbours));
                changed.fire(new CatalogChanged(ingestion, source, changes));
                return new WriteResult(created.size(), updated.size(), unchanged, removed.size(),
                        List.copyOf(conflicts), changes);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

    }
}
