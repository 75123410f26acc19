package dev.scorecards.db;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The database's clock, as SQL's {@code now()} reads it: every replica's entities record the same time. */
public final class DatabaseClock {
    private DatabaseClock() {
    }

    /** The start of the current transaction, by the database's clock. */
    public static Instant now(EntityManager em) {
        return ((OffsetDateTime) em.createNativeQuery("select now()", OffsetDateTime.class).getSingleResult()).toInstant();
    }
}
