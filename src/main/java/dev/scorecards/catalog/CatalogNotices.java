package dev.scorecards.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's {@code catalog_changed} channel, through which a catalog write tells every replica which
 * refs change when it commits: the writer {@link #announce}s, each replica's listener {@link #parse}s.
 */
public final class CatalogNotices {
    public static final String CHANNEL = "catalog_changed";
    private static final int MAX_PAYLOAD = 7000;
    /** Beyond this many refs other replicas read the whole catalog again rather than each ref. */
    private static final int MAX_LISTED = 2000;
    /** Names this replica in its announcements, so that it can tell other replicas' changes from its own. */
    private static final String REPLICA = UUID.randomUUID().toString();

    /** One announcement heard: whether this replica sent it, and its refs (or {@code all}: anything). */
    public record Heard(boolean own, List<String> refs, boolean all) {
    }

    private CatalogNotices() {
    }

    /**
     * Announces, inside the writing transaction, which refs change when it commits: in as many
     * notifications as their length needs, or as {@code *} (anything) for a bulk change; and moves
     * the catalog's version ({@code catalog_state}) on.
     */
    public static void announce(Connection c, Collection<String> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(REPLICA);
        if (refs.size() > MAX_LISTED) {
            payload.append("\n*");
        } else {
            for (String ref : refs) {
                if (payload.length() + ref.length() + 1 > MAX_PAYLOAD) {
                    payloads.add(payload.toString());
                    payload.setLength(REPLICA.length());
                }
                payload.append('\n').append(ref);
            }
        }
        payloads.add(payload.toString());
        try (PreparedStatement ps = c.prepareStatement("update catalog_state set version = version + 1 where id = 1")) {
            ps.executeUpdate(); // the catalog's version: cached answers of earlier versions are not served again
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            for (String p : payloads) {
                ps.setString(1, CHANNEL);
                ps.setString(2, p);
                ps.execute();
            }
        }
    }

    /** One announcement: the sender's replica id, then the refs (or {@code *} for anything). */
    public static Heard parse(String payload) {
        List<String> lines = Arrays.asList(payload.split("\n"));
        List<String> refs = lines.subList(1, lines.size());
        return new Heard(lines.get(0).equals(REPLICA), refs, refs.contains("*"));
    }
}
