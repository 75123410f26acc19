package dev.scorecards.ingest.location;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The scheduled location refresh runs only under the cluster lock {@code ingest.locations.refresh}:
 * while another session (another replica) holds it, a tick reads nothing; once it is released, one
 * tick reads each due location exactly once.
 */
@QuarkusTest
class LocationRefreshLockTest {
    private static final String LOCK = "select %s(hashtextextended('ingest.locations.refresh', 0))";

    @Inject
    DataSource dataSource;
    @Inject
    LocationService locations;

    @Test
    void aTickSkipsWhileAnotherReplicaHoldsTheRefreshLockAndReadsOnceAfter() throws Exception {
        Catalog.wipe(dataSource);
        Path root = Catalog.locationFolder("lock");
        Path file = Files.writeString(root.resolve("catalog-info.yaml"), Catalog.component("locked", "team", ""));
        String id = given().contentType("application/json")
                .body("{\"type\": \"file\", \"target\": \"" + file + "\"}").post("/api/catalog/locations")
                .then().statusCode(201).extract().path("location.id");
        String source = "location:" + id;
        assertEquals(1, ingestions(source)); // the registration read it
        makeDue(id);

        try (Connection other = dataSource.getConnection()) {
            assertEquals(true, call(other, LOCK.formatted("pg_try_advisory_lock")));
            locations.refreshDue();
            assertEquals(1, ingestions(source), "a tick read the location while another replica held the lock");
            assertEquals(true, call(other, LOCK.formatted("pg_advisory_unlock")));
        }
        locations.refreshDue();
        assertEquals(2, ingestions(source));
        locations.refreshDue(); // read just now: not due again
        assertEquals(2, ingestions(source));
        // the lock was released after the tick: another replica can take it
        try (Connection other = dataSource.getConnection()) {
            assertEquals(true, call(other, LOCK.formatted("pg_try_advisory_lock")));
            assertEquals(true, call(other, LOCK.formatted("pg_advisory_unlock")));
        }
        given().delete("/api/catalog/locations/" + id).then().statusCode(204);
    }

    private long ingestions(String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from ingest_ingestion where source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As if the location had last been read two refresh intervals (2 h in tests) ago. */
    private void makeDue(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update ingest_location set refreshed_at = now() - interval '2 hours' where id = ?::uuid")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static boolean call(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
