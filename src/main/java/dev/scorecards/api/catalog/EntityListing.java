package dev.scorecards.api.catalog;

import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.Table;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.catalog.query.EntityFields;
import dev.scorecards.catalog.query.EntityFilter;
import dev.scorecards.catalog.query.EntityOrder;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.paging.Cursors;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /entities}: all matching entities streamed as one JSON array, or — with
 * {@code limit}, {@code offset} or {@code after} — one page with a {@code Link: rel="next"} header.
 */
@RequestScoped
public class EntityListing {
    private final CatalogQueries catalog;
    private final HttpServerRequest request;

    @Inject
    EntityListing(CatalogQueries catalog, HttpServerRequest request) {
        this.catalog = catalog;
        this.request = request;
    }

    /** The legacy paging state carried in {@code after}. */
    record After(int limit, int offset) {
    }

    Response list(EntityFilter filter, EntityFields fields, List<EntityOrder> order, String offsetParam,
            String limitParam, String afterParam) {
        if (offsetParam == null && limitParam == null && afterParam == null) {
            StreamingOutput all = out -> {
                var w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                w.write('[');
                boolean[] first = {true};
                catalog.list(filter, order, null, 0, json -> {
                    try {
                        if (!first[0]) {
                            w.write(',');
                        }
                        first[0] = false;
                        w.write(EntityJson.render(json, fields));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                w.write(']');
                w.flush();
            };
            return Response.ok(all).build();
        }
        After after = afterParam == null ? null : decodeAfter(afterParam);
        int limit = after != null ? after.limit() : intParam("limit", limitParam, Integer.MAX_VALUE - 1, 1);
        int offset = after != null ? after.offset() : intParam("offset", offsetParam, 0, 0);
        List<String> page = new ArrayList<>();
        catalog.list(filter, order, limit + 1, offset, json -> page.add(EntityJson.render(json, fields)));
        Response.ResponseBuilder response;
        if (page.size() > limit) {
            page.remove(page.size() - 1);
            response = Response.ok("[" + String.join(",", page) + "]");
            response.header("Link", "<" + nextLink(new After(limit, offset + limit)) + ">; rel=\"next\"");
        } else {
            response = Response.ok("[" + String.join(",", page) + "]");
        }
        return response.build();
    }

    /** The same selection (filter, order, offset, limit; not fields) as CSV, one entity per line. */
    Table csv(EntityFilter filter, List<EntityOrder> order, String offsetParam, String limitParam) {
        Integer limit = limitParam == null ? null : intParam("limit", limitParam, Integer.MAX_VALUE - 1, 1);
        int offset = intParam("offset", offsetParam, 0, 0);
        return Table.csv("entities.csv", CsvColumns.ENTITIES, items -> catalog.list(filter, order, limit, offset,
                items::accept));
    }

    private String nextLink(After next) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> e : request.params().entries().stream()
                .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())))
                .entrySet()) {
            if (e.getKey().equals("offset") || e.getKey().equals("after")) {
                continue;
            }
            for (String v : e.getValue()) {
                query.append(query.length() == 0 ? "" : "&").append(encode(e.getKey())).append('=').append(encode(v));
            }
        }
        query.append(query.length() == 0 ? "" : "&").append("after=").append(Cursors.encode(next));
        return request.path() + "?" + query;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static After decodeAfter(String after) {
        if (after.isEmpty()) {
            throw ServiceError.input("Malformed after cursor, it must not be empty");
        }
        After a = Cursors.decode(after, After.class, "after");
        if (a.limit() <= 0 || a.offset() < 0) {
            throw ServiceError.input("Malformed after cursor, invalid limit or offset");
        }
        return a;
    }

    /** An integer query parameter, its default when absent, and Backstage's messages when invalid. */
    public static int intParam(String name, String value, int fallback, int min) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ServiceError.input(min == 0 ? "Invalid " + name + ", must be zero or greater"
                : "Invalid " + name + ", must be greater than zero");
    }
}
