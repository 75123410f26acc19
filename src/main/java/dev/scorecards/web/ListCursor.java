package dev.scorecards.web;

import dev.scorecards.errors.ServiceError;
import dev.scorecards.paging.Cursors;
import dev.scorecards.scoring.query.CapabilityListQuery;

/** The home page's "next page" links carry the list query as an opaque cursor, as the JSON API's do. */
final class ListCursor {
    private ListCursor() {
    }

    static String encode(CapabilityListQuery query) {
        return Cursors.encode(query);
    }

    static CapabilityListQuery decode(String cursor) {
        CapabilityListQuery q = Cursors.decode(cursor, CapabilityListQuery.class, "page");
        if (q.sort() == null) {
            throw ServiceError.input("Malformed page cursor");
        }
        return q;
    }
}
