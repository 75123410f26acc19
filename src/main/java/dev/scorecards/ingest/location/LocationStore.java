package dev.scorecards.ingest.location;

import dev.scorecards.db.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The {@code ingest_location} table (Panache, {@link LocationRow}): each method joins the caller's
 * transaction, or runs in one of its own.
 */
@ApplicationScoped
@Transactional
class LocationStore {

    List<Location> all() {
        return LocationRow.<LocationRow>list("order by createdAt, id").stream().map(LocationRow::toLocation).toList();
    }

    Location byId(String id) {
        UUID uuid = uuid(id);
        LocationRow row = uuid == null ? null : LocationRow.findById(uuid);
        return row == null ? null : row.toLocation();
    }

    Location byTarget(String type, String target) {
        return LocationRow.<LocationRow>find("locationType = ?1 and target = ?2", type, target).firstResultOptional()
                .map(LocationRow::toLocation).orElse(null);
    }

    /** Locations not read since {@code seconds} ago (by the database's clock), oldest first. */
    @SuppressWarnings("unchecked")
    List<Location> due(long seconds) {
        List<LocationRow> rows = LocationRow.getEntityManager().createNativeQuery("select * from ingest_location"
                + " where refreshed_at is null or refreshed_at < now() - make_interval(secs => ?1)"
                + " order by refreshed_at nulls first", LocationRow.class).setParameter(1, seconds).getResultList();
        return rows.stream().map(LocationRow::toLocation).toList();
    }

    /**
     * Stores a new location; false when one with the same type and target exists (or is being stored by a
     * transaction that commits first: the upsert waits for it instead of failing on the unique key, which
     * {@code persist()} of a duplicate would do at flush, failing the caller's transaction).
     */
    boolean insert(Location l) {
        return LocationRow.getEntityManager().createNativeQuery("insert into ingest_location (id, type, target,"
                + " refreshed_at) values (?1, ?2, ?3, now()) on conflict (type, target) do nothing")
                .setParameter(1, UUID.fromString(l.id())).setParameter(2, l.type()).setParameter(3, l.target())
                .executeUpdate() > 0;
    }

    /**
     * Points a location at a new type and target, keeping its id and its Location entity's name; false
     * when another location already has that type and target. Two updates racing for one target cannot
     * both win: the unique key refuses the second at the flush (409 like any refused unique key).
     */
    boolean retarget(Location l, String type, String target) {
        UUID id = UUID.fromString(l.id());
        LocationRow row = LocationRow.findById(id);
        if (row == null || LocationRow.count("locationType = ?1 and target = ?2 and id <> ?3", type, target, id) > 0) {
            return false;
        }
        row.locationType = type;
        row.target = target;
        row.entityName = l.entityRef().substring(l.entityRef().indexOf('/') + 1);
        row.refreshedAt = DatabaseClock.now(LocationRow.getEntityManager());
        LocationRow.flush(); // before the ingestion's catalog writes, so a refused key stops them
        return true;
    }

    boolean delete(String id) {
        return LocationRow.delete("id", UUID.fromString(id)) > 0;
    }

    void refreshed(String id, String error) {
        LocationRow row = LocationRow.findById(UUID.fromString(id));
        if (row != null) {
            row.refreshedAt = DatabaseClock.now(LocationRow.getEntityManager());
            row.lastError = error;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
