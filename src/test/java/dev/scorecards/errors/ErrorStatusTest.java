package dev.scorecards.errors;


import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Errors that look like a lost database (SQLState class 08, 57P0x, a pool acquisition timeout)
 * answer 503 only when the database really cannot be reached; with the database up they are 500s.
 * (The real outage, 503 with Retry-After, is {@code faults/DatabaseOutageIT}.)
 */
@QuarkusTest
class ErrorStatusTest {
    @Inject
    ErrorEnvelope errors;

    @Test
    void connectionLikeErrorsWhileTheDatabaseAnswersAreInternalErrors() {
        // pgjdbc's client-side I/O error and protocol violation
        assertEquals(500, errors.status(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertEquals(500, errors.status(new IllegalStateException(new SQLException("Protocol error", "08P01"))));
        // Agroal: the pool is exhausted, the database is fine
        assertEquals(500, errors.status(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(500, errors.status(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(500, errors.status(new IllegalStateException("a bug")));
        assertEquals(false, ErrorEnvelope.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertEquals(true, ErrorEnvelope.databaseUnreachable(new RuntimeException(new SQLException("x", "57P03"))));
    }
}
