package dev.scorecards.api.scorecards;

import dev.scorecards.api.access.AuditLog;
import dev.scorecards.api.catalog.EntityListing;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvFormat;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.paging.Cursors;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log of write requests, newest first, in cursor pages (JSON) or whole (CSV). */
@Path("/api/scorecards/audit")
@Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
public class AuditResource {
    /** The most entries one CSV export answers (newest first); narrower {@code since}/{@code until} reach older ones. */
    static final int CSV_MAX = 100_000;

    /** What a cursor carries: the filters, the page size and the last id answered. */
    record Page(String since, String until, String actor, int limit, long before) {
    }

    private final AuditLog log;

    @Inject
    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    public Table audit(@QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("actor") String actor, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers) {
        Page page = cursor == null || cursor.isBlank()
                ? new Page(since, until, actor == null || actor.isEmpty() ? null : actor,
                        Math.min(500, EntityListing.intParam("limit", limit, 50, 1)), Long.MAX_VALUE)
                : Cursors.decode(cursor, Page.class, "audit");
        Instant from = CapabilitiesResource.instant("since", page.since());
        Instant to = CapabilitiesResource.instant("until", page.until());
        if (CsvFormat.asked(headers)) {
            int rows = limit == null && (cursor == null || cursor.isBlank()) ? CSV_MAX : page.limit();
            return Table.of("audit.csv", CsvColumns.API_AUDIT, log.read(from, to, page.actor(), page.before(), rows),
                    null);
        }
        // one more than the page tells whether there is a next page
        List<AuditLog.Entry> items = log.read(from, to, page.actor(), page.before(), page.limit() + 1);
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (items.size() > page.limit()) {
            items = items.subList(0, page.limit());
            pageInfo.put("nextCursor", Cursors.encode(new Page(page.since(), page.until(), page.actor(), page.limit(),
                    items.get(items.size() - 1).id())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("pageInfo", pageInfo);
        return new Table("audit.csv", null, out);
    }
}
