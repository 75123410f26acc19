package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.ingest.location.Location;
import dev.scorecards.ingest.location.LocationService;
import dev.scorecards.paging.Cursors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /locations/by-query} as Backstage pages it: a predicate, a limit, and opaque cursors by id. */
final class LocationPages {
    private LocationPages() {
    }

    /** One page of {@code request}'s locations, with {@code totalItems} and the next page's cursor. */
    static Map<String, Object> page(LocationService locations, JsonNode request) {
        LocationCursor c;
        if (request.has("cursor")) {
            String cursor = request.get("cursor").asText("");
            if (cursor.isEmpty()) {
                throw dev.scorecards.errors.ServiceError.input("Cursor cannot be empty");
            }
            c = Cursors.decode(cursor, LocationCursor.class, "location");
            if (c.limit() < 1) {
                throw dev.scorecards.errors.ServiceError.input("Malformed cursor: limit must be at least 1");
            }
        } else {
            JsonNode limit = request.get("limit");
            if (limit != null && (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > Integer.MAX_VALUE)) {
                throw dev.scorecards.errors.ServiceError.input("Limit must be a positive integer >= 1");
            }
            c = new LocationCursor(limit == null ? 1000 : limit.asInt(), null, request.get("query"));
        }
        if (c.query() != null) {
            dev.scorecards.catalog.query.EntityPredicate.parse(c.query(), "query");
        }
        LocationService.LocationPage page = locations.query(c.query(), c.afterId(), c.limit() + 1);
        boolean more = page.items().size() > c.limit();
        List<Location> items = more ? page.items().subList(0, c.limit()) : page.items();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (more) {
            pageInfo.put("nextCursor", Cursors.encodeStandard(
                    new LocationCursor(c.limit(), items.get(items.size() - 1).id(), c.query())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("totalItems", page.totalItems());
        out.put("pageInfo", pageInfo);
        return out;
    }

    /** What a locations cursor carries, as Backstage's does: page size, last id, predicate. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record LocationCursor(int limit, String afterId, JsonNode query) {
    }

}
