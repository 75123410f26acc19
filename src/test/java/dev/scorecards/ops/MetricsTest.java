package dev.scorecards.ops;

import static dev.scorecards.Catalog.component;
import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /q/metrics}: ingestion and evaluation figures move by exactly what a request did; HTTP latency by URI template. */
@QuarkusTest
class MetricsTest {
    private static final String TEAM_AND_SYSTEM = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: platform}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata: {name: metrics-probe}
            spec: {owner: platform}
            """;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        Catalog.wipe(dataSource);
    }

    @Test
    void ingestionCountsStoredEntitiesRefusedDocumentsAndTimesEachIngestionByMode() {
        Metrics before = Metrics.scrape();
        String three = component("m1", "team", null) + "---\n" + component("m2", "team", null) + "---\n"
                + component("m3", "team", null);
        ingest("metrics", "delta", three).statusCode(200).body("created", equalTo(3));

        Metrics after = Metrics.scrape();
        assertEquals(3, delta(before, after, "scorecards_ingest_entities_total", "mode", "delta"));
        assertEquals(1, delta(before, after, "scorecards_ingest_duration_seconds_count", "mode", "delta",
                "outcome", "stored"));
        assertEquals(0, delta(before, after, "scorecards_ingest_entities_total", "mode", "full"));
        assertEquals(0, delta(before, after, "scorecards_ingest_duration_seconds_count", "mode", "delta",
                "outcome", "rejected"));
        assertTrue(after.value("scorecards_ingest_duration_seconds_sum", "mode", "delta", "outcome", "stored")
                > before.value("scorecards_ingest_duration_seconds_sum", "mode", "delta", "outcome", "stored"));

        // a full ingestion of the same three stores them again (unchanged): counted under full
        ingest("metrics", "full", three).statusCode(200).body("unchanged", equalTo(3));
        Metrics full = Metrics.scrape();
        assertEquals(3, delta(after, full, "scorecards_ingest_entities_total", "mode", "full"));
        assertEquals(1, delta(after, full, "scorecards_ingest_duration_seconds_count", "mode", "full",
                "outcome", "stored"));
        assertEquals(0, delta(after, full, "scorecards_ingest_entities_total", "mode", "delta"));

        // two bad documents out of three refuse the request: nothing stored, two documents rejected
        String bad = component("m4", "team", null) + "---\nkind: Component\n---\n"
                + component("Not Valid!", "team", null);
        ingest("metrics", "delta", bad).statusCode(400);
        Metrics refused = Metrics.scrape();
        assertEquals(2, delta(full, refused, "scorecards_ingest_rejected_documents_total", "mode", "delta"));
        assertEquals(1, delta(full, refused, "scorecards_ingest_duration_seconds_count", "mode", "delta",
                "outcome", "rejected"));
        assertEquals(0, delta(full, refused, "scorecards_ingest_entities_total", "mode", "delta"));
        assertEquals(0, delta(full, refused, "scorecards_ingest_duration_seconds_count", "mode", "delta",
                "outcome", "stored"));
    }

    @Test
    void evaluationsAreTimedByModeAndCountCapabilitiesAndChangedResults() {
        Metrics before = Metrics.scrape();
        // one new capability (the System): one incremental evaluation of it, one new result
        ingest("metrics", "delta", TEAM_AND_SYSTEM).statusCode(200).body("created", equalTo(2));
        Metrics added = Metrics.scrape();
        assertEquals(1, delta(before, added, "scorecards_evaluation_duration_seconds_count", "mode", "incremental"));
        assertEquals(1, delta(before, added, "scorecards_evaluation_capabilities_total", "mode", "incremental"));
        assertEquals(1, delta(before, added, "scorecards_evaluation_changed_results_total", "mode", "incremental"));
        assertEquals(0, delta(before, added, "scorecards_evaluation_duration_seconds_count", "mode", "full"));

        // a full evaluation finds nothing new: one capability evaluated, no result changed
        given().post("/api/scorecards/evaluate").then().statusCode(200)
                .body("evaluated", equalTo(1)).body("changed", equalTo(0));
        Metrics full = Metrics.scrape();
        assertEquals(1, delta(added, full, "scorecards_evaluation_duration_seconds_count", "mode", "full"));
        assertEquals(1, delta(added, full, "scorecards_evaluation_capabilities_total", "mode", "full"));
        assertEquals(0, delta(added, full, "scorecards_evaluation_changed_results_total", "mode", "full"));
        assertEquals(0, delta(added, full, "scorecards_evaluation_duration_seconds_count", "mode", "incremental"));

        // a description changes the Documentation scorecard's result: one more changed result
        ingest("metrics", "delta", TEAM_AND_SYSTEM.replace("metadata: {name: metrics-probe}",
                "metadata: {name: metrics-probe, description: Probes the metrics}")).statusCode(200)
                .body("updated", equalTo(1));
        Metrics described = Metrics.scrape();
        assertEquals(1, delta(full, described, "scorecards_evaluation_duration_seconds_count", "mode", "incremental"));
        assertEquals(1, delta(full, described, "scorecards_evaluation_changed_results_total", "mode", "incremental"));
        assertEquals(0, delta(before, described, "scorecards_evaluation_failures_total", "mode", "incremental"));
    }

    @Test
    void httpLatencyIsRecordedPerUriTemplateNotPerEntity() {
        ingest("metrics", "delta", component("first", "team", null) + "---\n" + component("second", "team", null))
                .statusCode(200);
        String byName = "/api/catalog/entities/by-name/{kind}/{namespace}/{name}";
        Metrics before = Metrics.scrape();
        given().get("/api/catalog/entities/by-name/component/default/first").then().statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/first").then().statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/second").then().statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/absent").then().statusCode(404);
        given().get("/api/scorecards/capabilities/system/default/absent").then().statusCode(404);
        given().get("/no-such-page/first").then().statusCode(404);

        Metrics after = Metrics.scrape();
        String uris = after.named("http_server_requests_seconds_count").stream().map(s -> s.labels().get("uri"))
                .distinct().sorted().collect(Collectors.joining("\n"));
        assertTrue(uris.lines().noneMatch(u -> u.contains("/first") || u.contains("/second") || u.contains("/absent")),
                "entity names must not become URI labels:\n" + uris);
        assertEquals(3, delta(before, after, "http_server_requests_seconds_count", "method", "GET", "uri", byName,
                "status", "200"), uris);
        assertEquals(1, delta(before, after, "http_server_requests_seconds_count", "method", "GET", "uri", byName,
                "status", "404"), uris);
        assertEquals(1, delta(before, after, "http_server_requests_seconds_count", "method", "GET",
                "uri", "/api/scorecards/capabilities/{kind}/{namespace}/{name}", "status", "404"), uris);
        // a path that matches no route is counted under one label, whatever was asked for
        assertEquals(1, delta(before, after, "http_server_requests_seconds_count", "method", "GET",
                "uri", "NOT_FOUND", "status", "404"), uris);
    }

    private static double delta(Metrics before, Metrics after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
