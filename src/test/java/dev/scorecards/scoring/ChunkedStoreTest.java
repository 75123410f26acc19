package dev.scorecards.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An evaluation of more capabilities than one chunk stores its chunks two at a time, each in its own
 * transaction: every capability ends with exactly one current result and one history row per change,
 * and the evaluation's count of changed results is exact, in the background (chunks of 200) and in a
 * full evaluation (chunks of 1,000).
 */
@QuarkusTest
class ChunkedStoreTest {
    private static final int APIS = 2300;

    @Inject
    DataSource dataSource;

    /** {@code n} APIs named {@code many-i}, owned by {@code owner}. */
    private static String apis(int n, String owner) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: many-").append(i)
                    .append("}\nspec: {type: openapi, lifecycle: production, owner: ").append(owner)
                    .append(", definition: 'openapi: 3.0.0'}\n");
        }
        return b.toString();
    }

    @Test
    void everyCapabilityIsStoredOnceAndEveryChangeCountedWhenChunksAreStoredTogether() throws SQLException {
        Catalog.examples(dataSource); // 122 entities, 29 capabilities
        String owner = given().get("/api/scorecards/capabilities/api/default/events-api").then().statusCode(200)
                .extract().path("owner");

        // 2,300 new capabilities: more than the synchronous limit, so scored in the background
        Catalog.ingest("many-apis", "full", apis(APIS, owner)).statusCode(200);
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> Integer.valueOf(29 + APIS)
                .equals(given().get("/api/scorecards/capabilities?limit=1").then().extract().path("totalItems")));
        given().post("/api/scorecards/evaluate").then().statusCode(200)
                .body("evaluated", equalTo(29 + APIS)).body("changed", equalTo(0));
        assertEquals(APIS + " " + APIS, historyRows());

        // every stored hash forgotten behind the service: the full evaluation stores every result again
        sql("update scoring_capability set hash = 'forgotten'");
        given().post("/api/scorecards/evaluate").then().statusCode(200)
                .body("evaluated", equalTo(29 + APIS)).body("changed", equalTo(29 + APIS));
        assertEquals(2 * APIS + " " + APIS, historyRows());
        given().get("/api/scorecards/capabilities/api/default/many-1234/history").then().statusCode(200)
                .body("items.size()", equalTo(2));
        given().post("/api/scorecards/evaluate").then().statusCode(200).body("changed", equalTo(0));
    }

    /** History rows of the many APIs, and how many of them have any. */
    private String historyRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*), count(distinct entity_ref) from scoring_history where entity_ref like 'api:default/many-%'")) {
            rs.next();
            return rs.getLong(1) + " " + rs.getLong(2);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
