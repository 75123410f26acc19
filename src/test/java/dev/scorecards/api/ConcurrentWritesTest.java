package dev.scorecards.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identical writes sent at the same moment (threads released by one latch) store exactly one row and
 * answer what happened to each (201, 200 or 409 ConflictError in the envelope), never 500 (issue 11).
 */
@QuarkusTest
class ConcurrentWritesTest {
    private static final String ORG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: p}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: raced-api, description: raced}
            spec: {type: openapi, lifecycle: production, owner: p, definition: x}
            """;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setUp() {
        Catalog.wipe(dataSource);
        Catalog.ingest("race", "full", ORG).statusCode(200);
    }

    /** Sends {@code n} requests at once; returns them in the order they were sent. */
    private static List<Response> atOnce(int n, Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.get();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers had each status. */
    private static Map<Integer, Integer> statuses(List<Response> responses) {
        Map<Integer, Integer> out = new TreeMap<>();
        responses.forEach(r -> out.merge(r.statusCode(), 1, Integer::sum));
        return out;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertConflicts(List<Response> responses, String message) {
        for (Response r : responses) {
            if (r.statusCode() == 409) {
                assertEquals("ConflictError", r.jsonPath().getString("error.name"));
                assertEquals(message, r.jsonPath().getString("error.message"));
                assertEquals(409, r.jsonPath().getInt("response.statusCode"));
            }
        }
    }

    @Test
    void theSameVoterRatingTwentyTimesAtOnceKeepsOneCurrentVote() throws Exception {
        String url = "/api/scorecards/capabilities/api/default/raced-api/feedback";
        List<Response> answers = atOnce(20, () -> given().contentType("application/json")
                .body("{\"score\": 4, \"voter\": \"ann\"}").post(url));
        assertEquals(Map.of(200, 19, 201, 1), statuses(answers));
        for (Response r : answers) {
            assertEquals(r.statusCode() == 200, r.jsonPath().getBoolean("vote.replacedEarlierVote"));
        }
        assertEquals(1, count("select count(*) from facts_feedback where current"));
        assertEquals(20, count("select count(*) from facts_feedback")); // replaced votes are kept, not current
        given().get(url).then().statusCode(200).body("n", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void theSameLocationRegisteredTenTimesAtOnceIsStoredOnce() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/test-locations").toAbsolutePath());
        Path file = Files.createTempFile(dir, "raced", ".yaml");
        Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: raced-svc}\n"
                + "spec: {type: service, lifecycle: production, owner: p}\n");
        List<Response> answers = atOnce(10, () -> given().contentType("application/json")
                .body("{\"type\": \"file\", \"target\": \"" + file + "\"}").post("/api/catalog/locations"));
        assertEquals(Map.of(201, 1, 409, 9), statuses(answers));
        assertConflicts(answers, "Location file:" + file + " already exists");
        assertEquals(1, count("select count(*) from ingest_location"));
        assertEquals(1, count("select count(*) from catalog_entity where ref = 'component:default/raced-svc'"));
        assertEquals(1, count("select count(distinct source) from catalog_entity where source like 'location:%'"));
    }

    @Test
    void theSameExemptionCreatedTenTimesAtOnceIsStoredOnce() throws Exception {
        List<Response> answers = atOnce(10, () -> given().contentType("application/json")
                .body("{\"entityRef\": \"api:default/raced-api\", \"checkId\": \"documentation.has-description\","
                        + " \"reason\": \"raced\", \"author\": \"ann\"}").post("/api/scorecards/exemptions"));
        assertEquals(Map.of(201, 1, 409, 9), statuses(answers));
        String id = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().jsonPath().getString("id");
        assertConflicts(answers, "Exemption " + id + " already waives documentation.has-description for"
                + " api:default/raced-api; delete it first to replace it");
        assertEquals(1, count("select count(*) from scoring_exemption"));
        assertEquals(1, count("select count(*) from scoring_exemption_audit"));
    }

    @Test
    void theSameBadgeIdAskedForTenTimesAtOnceIsMintedOnce() throws Exception {
        List<Response> answers = atOnce(10, () -> given().get("/api/scorecards/badges/api/default/raced-api/id"));
        assertEquals(Map.of(200, 10), statuses(answers));
        assertEquals(1, answers.stream().map(r -> r.jsonPath().getString("id")).distinct().count());
        assertEquals(1, count("select count(*) from badge_ids"));
    }
}
