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
        return select("select id::text, type, target from ingest_location order by created_at, id");
    }

    Location byId(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Location> found = select("select id::text, type, target from ingest_location where id = ?::uuid", id);
        return found.isEmpty() ? null : found.get(0);
    }

    Location byTarget(String type, String target) {
        List<Location> found = select(
                "select id::text, type, target from ingest_location where type = ? and target = ?", type, target);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Locations not read since {@code seconds} ago, oldest first. */
    List<Location> due(long seconds) {
        return select("select id::text, type, target from ingest_location where refreshed_at is null"
                + " or refreshed_at < now() - make_interval(secs => ?) order by refreshed_at nulls first", seconds);
    }

    void insert(Location l) {
        update("insert into ingest_location (id, type, target, refreshed_at) values (?::uuid, ?, ?, now())",
                l.id(), l.type(), l.target());
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
                    out.add(new Location(rs.getString(1), type, target,
                            "location:default/" + LocationCrawler.generatedName(type, target)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
