package dev.scorecards.ingest.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code ingest_location} table. */
@ApplicationScoped
class LocationStore {
    @Inject
    DataSource dataSource;

    List<Location> all() {
        return select("select id::text, type, target, entity_name from ingest_location order by created_at, id");
    }

    Location byId(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Location> found = select("select id::text, type, target, entity_name from ingest_location where id = ?::uuid", id);
        return found.isEmpty() ? null : found.get(0);
    }

    Location byTarget(String type, String target) {
        List<Location> found = select(
                "select id::text, type, target, entity_name from ingest_location where type = ? and target = ?", type, target);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Locations not read since {@code seconds} ago, oldest first. */
    List<Location> due(long seconds) {
        return select("select id::text, type, target, entity_name from ingest_location where refreshed_at is null"
                + " or refreshed_at < now() - make_interval(secs => ?) order by refreshed_at nulls first", seconds);
    }

    /**
     * Stores a new location; false when one with the same type and target exists (or is being stored by a
     * transaction that commits first: the insert waits for it instead of failing on the unique key).
     */
    boolean insert(Location l) {
        return update("insert into ingest_location (id, type, target, refreshed_at) values (?::uuid, ?, ?, now())"
                + " on conflict (type, target) do nothing", l.id(), l.type(), l.target()) > 0;
    }

    /**
     * Points a location at a new type and target, keeping its id and its Location entity's name; false
     * when another location already has that type and target (the unique key decides, so two updates
     * racing for one target cannot both win).
     */
    boolean retarget(Location l, String type, String target) {
        String name = l.entityRef().substring(l.entityRef().indexOf('/') + 1);
        return update("update ingest_location set type = ?, target = ?, entity_name = ?, refreshed_at = now()"
                + " where id = ?::uuid and not exists (select 1 from ingest_location o where o.type = ? and o.target = ?"
                + " and o.id <> ?::uuid)", type, target, name, l.id(), type, target, l.id()) > 0;
    }

    boolean delete(String id) {
        return update("delete from ingest_location where id = ?::uuid", id) > 0;
    }

    void refreshed(String id, String error) {
        update("update ingest_location set refreshed_at = now(), last_error = ? where id = ?::uuid", error, id);
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Location> select(String sql, Object... params) {
        List<Location> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    String target = rs.getString(3);
                    String name = rs.getString(4); // set once a location is retargeted; else derived
                    out.add(new Location(rs.getString(1), type, target,
                            "location:default/" + (name != null ? name : LocationCrawler.generatedName(type, target))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
