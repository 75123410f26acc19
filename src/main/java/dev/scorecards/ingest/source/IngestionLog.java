package dev.scorecards.ingest.source;

import dev.scorecards.catalog.model.WriteResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The {@code ingest_ingestion} table: one numbered row per committed ingestion. */
@ApplicationScoped
class IngestionLog {
    @Inject
    DataSource dataSource;

    long start(String source, String mode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into ingest_ingestion (source, mode) values (?, ?) returning id")) {
            ps.setString(1, source);
            ps.setString(2, mode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void finish(long id, WriteResult r) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update ingest_ingestion set created = ?, updated = ?, unchanged = ?, removed = ?, conflicts = ?"
                        + " where id = ?")) {
            ps.setInt(1, r.created());
            ps.setInt(2, r.updated());
            ps.setInt(3, r.unchanged());
            ps.setInt(4, r.removed());
            ps.setInt(5, r.conflicts().size());
            ps.setLong(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
