package dev.scorecards.catalog.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/** Rows for PostgreSQL's {@code COPY … FROM STDIN} (text format), the fastest way to insert many rows. */
final class Copy {
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private boolean lineStarted;

    Copy field(String value) {
        if (lineStarted) {
            rows.append('\t');
        }
        lineStarted = true;
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        int first = firstSpecial(value);
        if (first < 0) {
            rows.append(value);
            return this;
        }
        rows.append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                case '\t' -> rows.append("\\t");
                default -> rows.append(ch);
            }
        }
        return this;
    }

    private static int firstSpecial(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\n' || ch == '\r' || ch == '\t') {
                return i;
            }
        }
        return -1;
    }

    Copy endRow() {
        rows.append('\n');
        lineStarted = false;
        return this;
    }

    boolean isEmpty() {
        return rows.length() == 0;
    }

    /** Runs {@code COPY <target> FROM STDIN} with the rows collected; returns the row count. */
    long into(Connection c, String target) throws SQLException {
        if (rows.length() == 0) {
            return 0;
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }
}
