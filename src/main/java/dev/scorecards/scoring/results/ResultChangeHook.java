package dev.scorecards.scoring.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Told of the results a chunk of scoring changes, on the chunk's own connection and before its rows are
 * written, so a later stage can add rows (an outbox) that commit or roll back with the change. The
 * previous results are still stored ({@code scoring_detail}) when it is called.
 */
public interface ResultChangeHook {
    /**
     * A capability's new result: {@code result} as evaluated, and {@code after} the document stored for it (its JSON text)
     * (as {@code GET /capabilities/{ref}} shows it, without the definitions' texts), for a later stage that
     * compares it with the stored one.
     */
    record Change(String ref, String owner, String title, String after, Evaluated result) {
    }

    void changing(Connection c, List<Change> changes, Instant now) throws SQLException;
}
