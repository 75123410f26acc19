package dev.scorecards.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

/** Parameterised reads and writes shared by every stage; String[] binds as text[], Jsonb as jsonb text. */
public final class Sql {
    private Sql() {
    }

    /** Reads one row. */
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** A parameter bound as text, for a {@code ?::jsonb} placeholder. */
    public record Jsonb(String json) {
    }

    public static void query(DataSource dataSource, String sql, List<?> params, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql.strip().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * Runs one parameterised query through a server-side cursor (autocommit off, {@code fetchSize} rows
     * fetched at a time), so a large answer is read in one snapshot without being held in memory.
     */
    public static void stream(DataSource dataSource, String sql, List<?> params, int fetchSize, RowReader reader) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(fetchSize);
                bind(c, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql.strip().lines().findFirst().orElse(""), e);
        }
    }

    /** Runs one parameterised write; returns the rows it changed. */
    public static int update(DataSource dataSource, String sql, List<?> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql.strip().lines().findFirst().orElse(""), e);
        }
    }

    /** A text[] parameter. */
    public static Array texts(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }

    private static void bind(Connection c, PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] arr) {
                ps.setArray(i + 1, c.createArrayOf("text", arr));
            } else if (p instanceof Jsonb j) {
                ps.setString(i + 1, j.json());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
