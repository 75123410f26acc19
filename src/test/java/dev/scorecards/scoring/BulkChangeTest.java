package dev.scorecards.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A change of more than 2,000 entities brings the capabilities' graph up to date in bulk: by reading the
 * whole catalog again when the change is at least half of it, by reading the changed entities otherwise.
 * Either way the scores that follow (stored in the background) are what a full evaluation computes.
 */
@QuarkusTest
class BulkChangeTest {
    private static final String API = "/api/scorecards/capabilities/api/default/events-api";

    @Inject
    DataSource dataSource;

    /** {@code n} components named {@code prefix-i}, each consuming events-api. */
    private static String consumers(String prefix, int n, String owner) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ").append(prefix)
                    .append('-').append(i).append("}\nspec: {type: service, lifecycle: production, owner: ")
                    .append(owner).append(", consumesApis: [events-api]}\n");
        }
        return b.toString();
    }

    private static void awaitConsumers(int expected) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> Integer.valueOf(expected)
                .equals(given().get(API).then().statusCode(200).extract().path("adoption.consumers")));
    }

    private static void aFullEvaluationChangesNothing() {
        given().post("/api/scorecards/evaluate").then().statusCode(200)
                .body("evaluated", equalTo(29)).body("changed", equalTo(0));
    }

    @Test
    void mostOfTheCatalogOrAPartOfItChangingIsScoredAsAFullEvaluationScoresIt() {
        Catalog.examples(dataSource); // 122 entities, 29 capabilities
        int before = given().get(API).then().statusCode(200).extract().path("adoption.consumers");
        String owner = given().get(API).then().extract().path("owner");

        // 4,100 new entities against a graph of about 120: the whole catalog is read again
        Catalog.ingest("crowd-a", "full", consumers("crowd-a", 4100, owner)).statusCode(200);
        awaitConsumers(before + 4100);
        aFullEvaluationChangesNothing();

        // 2,010 more against a graph of about 4,200: only they are read
        Catalog.ingest("crowd-b", "full", consumers("crowd-b", 2010, owner)).statusCode(200);
        awaitConsumers(before + 4100 + 2010);
        aFullEvaluationChangesNothing();
    }
}
