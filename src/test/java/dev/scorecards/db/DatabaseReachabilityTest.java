package dev.scorecards.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reachability check connects to the real database, and reports a port nobody listens on as unreachable. */
@QuarkusTest
class DatabaseReachabilityTest {
    @Inject
    DatabaseReachability database;

    @Test
    void theTestDatabaseIsReachableAndAClosedPortIsNot() throws Exception {
        assertEquals(true, database.reachable());
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        DatabaseReachability elsewhere = new DatabaseReachability("jdbc:postgresql://127.0.0.1:" + closed + "/postgres",
                Optional.of("postgres"), Optional.of("postgres"));
        assertEquals(false, elsewhere.reachable());
        // a server that accepts but never answers: the check gives up after its timeout
        try (ServerSocket silent = new ServerSocket(0)) {
            assertEquals(false, DatabaseReachability.connects("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/postgres", "postgres", "postgres"));
        }
    }
}
