package dev.scorecards.api.scorecards;

import dev.scorecards.api.Refs;
import dev.scorecards.api.catalog.EntityListing;
import dev.scorecards.api.csv.CsvColumns;
import dev.scorecards.api.csv.CsvFormat;
import dev.scorecards.api.csv.CsvTable;
import dev.scorecards.api.csv.Table;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.paging.Cursors;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.evaluation.EvaluationService;
import dev.scorecards.scoring.query.CapabilityDetail;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityListQuery;
import dev.scorecards.scoring.query.CapabilityQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Capabilities and their scores: the list (JSON or CSV), one capability, its history and consumers. */
@Path("/api/scorecards/capabilities")
public class CapabilitiesResource {
    private final CapabilityQueries queries;
    private final CapabilityList list;
    private final EvaluationService evaluation;
    private final ScorecardDefinitions definitions;

    @Inject
    CapabilitiesResource(CapabilityQueries queries, CapabilityList list, EvaluationService evaluation,
            ScorecardDefinitions definitions) {
        this.queries = queries;
        this.list = list;
        this.evaluation = evaluation;
        this.definitions = definitions;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table list(@QueryParam("owner") String owner, @QueryParam("kind") String kind,
            @QueryParam("level") String level, @QueryParam("scorecard") String scorecard, @QueryParam("q") String q,
            @QueryParam("sort") String sort, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers) {
        CapabilityListQuery query;
        if (cursor != null && !cursor.isEmpty()) {
            query = Cursors.decode(cursor, CapabilityListQuery.class, "");
        } else {
            query = CapabilityListQuery.of(owner, kind, scorecard, level, q, sort);
        }
        if (CsvFormat.asked(headers)) {
            return Table.csv("capabilities.csv", line -> list.csv(query, line));
        }
        var page = list.list(query, EntityListing.intParam("limit", limit, 50, 1) > 500 ? 500
                : EntityListing.intParam("limit", limit, 50, 1));
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        if (page.next() != null) {
            pageInfo.put("nextCursor", Cursors.encode(page.next()));
        }
        return new Table("capabilities.csv", null, Table.body("items", page.items(), "totalItems", page.totalItems(),
                "pageInfo", pageInfo));
    }

    @GET
    @Path("/{kind}/{namespace}/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public CapabilityDetail get(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        CapabilityDetail result = queries.get(Refs.ref(kind, namespace, name));
        if (result == null) {
            throw notFound(kind, namespace, name);
        }
        return result;
    }

    @GET
    @Path("/{kind}/{namespace}/{name}/history")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table history(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to) {
        EntityRef ref = Refs.ref(kind, namespace, name);
        List<CapabilityQueries.Change> items = queries.history(ref, instant("from", from), instant("to", to));
        if (items.isEmpty() && !queries.exists(ref)) {
            throw notFound(kind, namespace, name);
        }
        return Table.of("history.csv", CsvColumns.history(definitions.all()), items,
                Table.body("entityRef", ref.toString(), "items", items));
    }

    @GET
    @Path("/{kind}/{namespace}/{name}/consumers")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.TYPE})
    public Table consumers(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        EntityRef ref = Refs.ref(kind, namespace, name);
        List<CapabilityDetail.Consumer> consumers = queries.consumers(ref);
        if (consumers == null) {
            throw notFound(kind, namespace, name);
        }
        return Table.of("consumers.csv", CsvColumns.CONSUMERS, consumers,
                Table.body("entityRef", ref.toString(), "items", consumers));
    }

    @POST
    @Path("/{kind}/{namespace}/{name}/evaluate")
    @Produces(MediaType.APPLICATION_JSON)
    public CapabilityDetail evaluate(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        evaluation.evaluate(Refs.ref(kind, namespace, name));
        return get(kind, namespace, name);
    }

    static ServiceError notFound(String kind, String namespace, String name) {
        return ServiceError.notFound("No capability " + Refs.of(kind, namespace, name));
    }

    static Instant instant(String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ServiceError.input("Invalid " + param + " '" + value + "': expected an ISO-8601 instant such as"
                    + " 2026-11-01T00:00:00Z");
        }
    }
}
