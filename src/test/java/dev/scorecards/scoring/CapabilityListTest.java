package dev.scorecards.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The capability list over the example organisation: every filter, every sort in both directions,
 * cursor paging and CSV. Orders are checked against an oracle computed here from the full list.
 */
@QuarkusTest
class CapabilityListTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    private static List<Map<String, Object>> all() {
        return given().get("/api/scorecards/capabilities?limit=500").then().statusCode(200)
                .body("totalItems", equalTo(29)).extract().jsonPath().getList("items");
    }

    /** Walks every page of a query with the given page size; returns the refs in the order served. */
    private static List<String> walk(String query, int pageSize, int expectedTotal) {
        List<String> refs = new ArrayList<>();
        JsonPath page = given().get("/api/scorecards/capabilities?" + query + "&limit=" + pageSize).then()
                .statusCode(200).extract().jsonPath();
        while (true) {
            assertEquals(expectedTotal, page.getInt("totalItems"), query);
            refs.addAll(page.getList("items.entityRef"));
            String cursor = page.getString("pageInfo.nextCursor");
            if (cursor == null) {
                return refs;
            }
            page = given().queryParam("cursor", cursor).queryParam("limit", pageSize)
                    .get("/api/scorecards/capabilities").then().statusCode(200).extract().jsonPath();
        }
    }

    private static List<String> oracle(List<Map<String, Object>> rows, Function<Map<String, Object>, Comparable> key,
            boolean descending) {
        @SuppressWarnings("unchecked")
        Comparator<Map<String, Object>> c = Comparator.comparing(r -> (Comparable<Object>) key.apply(r));
        c = c.thenComparing(r -> (String) r.get("entityRef"));
        return rows.stream().sorted(descending ? c.reversed() : c).map(r -> (String) r.get("entityRef")).toList();
    }

    @SuppressWarnings("unchecked")
    private static double documentation(Map<String, Object> row) {
        Map<String, Object> card = (Map<String, Object>) ((Map<String, Object>) row.get("scorecards")).get("documentation");
        return ((Number) card.get("percentage")).doubleValue();
    }

    @Test
    void everySortInBothDirectionsPagesThroughAllCapabilitiesInOrder() {
        List<Map<String, Object>> rows = all();
        Map<String, Function<Map<String, Object>, Comparable>> sorts = Map.of(
                "name", r -> (String) r.get("entityRef"),
                "level", r -> (Integer) r.get("levelIndex"),
                "consumers", r -> (Integer) r.get("consumers"),
                "adoption", r -> ((Number) r.get("adoptionRate")).doubleValue(),
                "percentage", CapabilityListTest::documentation);
        for (var sort : sorts.entrySet()) {
            for (boolean desc : new boolean[] {false, true}) {
                String query = "sort=" + (desc ? "-" : "") + sort.getKey() + "&scorecard=documentation";
                if (!sort.getKey().equals("percentage")) {
                    query = "sort=" + (desc ? "-" : "") + sort.getKey();
                }
                assertEquals(oracle(rows, sort.getValue(), desc), walk(query, 4, 29), query);
            }
        }
    }

    /**
     * The list keeps the rows it read and reads again only those whose stored result moved: after a new
     * consumer of events-api, its row and its system's (message-bus) have it, every order places them
     * anew, and every other row is what it was.
     */
    @Test
    void aNewConsumerMovesItsCapabilityInEveryOrderAndLeavesTheOtherRowsAlone() {
        Map<String, Function<Map<String, Object>, Comparable>> sorts = Map.of(
                "consumers", r -> (Integer) r.get("consumers"),
                "adoption", r -> ((Number) r.get("adoptionRate")).doubleValue(),
                "level", r -> (Integer) r.get("levelIndex"));
        List<Map<String, Object>> before = all();
        sorts.keySet().forEach(sort -> walk("sort=" + sort, 7, 29)); // every order prepared before the change
        Map<String, Object> api = before.stream().filter(r -> r.get("entityRef").equals("api:default/events-api"))
                .findFirst().orElseThrow();
        String name = "events-api";
        Catalog.ingest("list-consumer", "delta", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: list-newcomer}
                spec: {type: service, lifecycle: production, owner: %s, consumesApis: [%s]}
                """.formatted(api.get("owner"), name)).statusCode(200);

        List<Map<String, Object>> after = all();
        Map<String, Object> changed = after.stream().filter(r -> r.get("entityRef").equals(api.get("entityRef")))
                .findFirst().orElseThrow();
        assertEquals((Integer) api.get("consumers") + 1, changed.get("consumers"));
        for (var sort : sorts.entrySet()) {
            assertEquals(oracle(after, sort.getValue(), false), walk("sort=" + sort.getKey(), 7, 29), sort.getKey());
        }
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            Map<String, Object> was = new java.util.HashMap<>(before.get(i));
            Map<String, Object> now = new java.util.HashMap<>(after.get(i));
            assertEquals(was.get("entityRef"), now.get("entityRef"));
            was.remove("evaluatedAt");
            now.remove("evaluatedAt");
            if (!was.equals(now)) {
                moved.add((String) now.get("entityRef"));
            }
        }
        assertEquals(List.of("api:default/events-api", "system:default/message-bus"), moved);
    }

    @Test
    void filtersNarrowTheListAndCountWhatMatches() {
        given().get("/api/scorecards/capabilities?owner=observability").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.entityRef", contains("api:default/logs-api",
                        "api:default/metrics-api", "system:default/observability"));
        given().queryParam("level", "relied on").queryParam("sort", "-consumers").get("/api/scorecards/capabilities").then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.entityRef", contains("system:default/observability",
                        "system:default/ci-pipelines"))
                .body("items.consumers", contains(18, 5));
        given().get("/api/scorecards/capabilities?q=SECRET").then().statusCode(200)
                .body("items.entityRef", contains("api:default/secrets-api", "system:default/secrets-vault"));
        given().get("/api/scorecards/capabilities?scorecard=documentation&level=none&kind=system").then()
                .statusCode(200).body("items.entityRef", contains("system:default/secrets-vault"));
        List<Map<String, Object>> rows = all();
        long systems = rows.stream().filter(r -> r.get("kind").equals("system")).count();
        assertEquals(systems, walk("kind=system", 3, (int) systems).size());
        assertEquals(rows.stream().filter(r -> r.get("kind").equals("system")).map(r -> r.get("entityRef")).toList(),
                walk("kind=System&sort=name", 3, (int) systems));
        given().get("/api/scorecards/capabilities?q=no-such-thing").then().statusCode(200)
                .body("totalItems", equalTo(0)).body("items.size()", equalTo(0));
    }

    /** Top-level keys in the contract's order (openapi CapabilityList, CapabilityHistory...), on every JVM. */
    @Test
    void topLevelKeysComeInTheContractsOrder() {
        String page = given().get("/api/scorecards/capabilities?limit=1").then().statusCode(200).extract().asString();
        int items = page.indexOf("\"items\":");
        int totalItems = page.lastIndexOf("\"totalItems\":");
        int pageInfo = page.lastIndexOf("\"pageInfo\":");
        assertEquals(1, items, page);
        assertTrue(items < totalItems && totalItems < pageInfo, page);
        assertTrue(page.contains("],\"totalItems\":29,\"pageInfo\":{\"nextCursor\":\""), page);
        assertTrue(page.endsWith("\"}}"), page);
        for (String part : List.of("history", "consumers")) {
            String body = given().get("/api/scorecards/capabilities/system/default/observability/" + part).then()
                    .statusCode(200).extract().asString();
            assertTrue(body.startsWith("{\"entityRef\":\"system:default/observability\",\"items\":["), body);
        }
    }

    @Test
    void csvHasOneRowPerCapabilityWithEveryScorecard() {
        String csv = given().queryParam("format", "csv").queryParam("owner", "observability")
                .get("/api/scorecards/capabilities").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length);
        assertEquals("entityRef,kind,title,owner,level,adoption.level,adoption.percentage,documentation.level,"
                + "documentation.percentage,support-readiness.level,support-readiness.percentage,ci.level,ci.percentage,"
                + "consumers,consumingTeams,adoptionRate,bypasses,evaluatedAt", lines[0]);
        assertEquals("system:default/observability,system,Observability,group:default/observability,Relied on,Gold,100.0,"
                + "Gold,100.0,Gold,100.0", String.join(",", List.of(lines[3].split(",")).subList(0, 11)));
        assertEquals("18,9,0.75,0", String.join(",", List.of(lines[3].split(",")).subList(13, 17)));
    }

    @Test
    void badListQueriesAreRefused() {
        given().get("/api/scorecards/capabilities?sort=size").then().statusCode(400)
                .body("error.message", containsString("Invalid sort 'size'"));
        given().get("/api/scorecards/capabilities?sort=percentage").then().statusCode(400)
                .body("error.message", equalTo("sort=percentage needs a scorecard parameter"));
        given().get("/api/scorecards/capabilities?level=platinum").then().statusCode(400)
                .body("error.message", containsString("Unknown level 'platinum'"));
        given().get("/api/scorecards/capabilities?scorecard=nope").then().statusCode(400)
                .body("error.message", equalTo("Unknown scorecard 'nope'"));
    }
}
