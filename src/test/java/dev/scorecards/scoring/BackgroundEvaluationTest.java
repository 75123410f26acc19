package dev.scorecards.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import dev.scorecards.scoring.evaluation.RequestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A change bigger than the synchronous limit is evaluated in the background, in small chunks with
 * pauses between them while requests are served (issue 17: reads keep a core meanwhile): the request answers before its
 * scores exist, and once they do they are exactly what a full evaluation computes.
 */
@QuarkusTest
@TestProfile(BackgroundEvaluationTest.EverythingInTheBackground.class)
class BackgroundEvaluationTest {
    public static class EverythingInTheBackground implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scorecards.evaluation.sync-limit", "0", "scorecards.evaluation.background-pause", "1.0");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    RequestTime requests;

    @Test
    void aBigChangeIsScoredInTheBackgroundExactlyAsAFullEvaluationScoresIt() {
        Catalog.examples(dataSource); // 122 entities, 29 capabilities: more than the limit of 0
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> Integer.valueOf(29)
                .equals(given().get("/api/scorecards/capabilities?limit=1").then().extract().path("totalItems")));
        given().get("/api/scorecards/capabilities?limit=1").then().statusCode(200).body("totalItems", equalTo(29));
        // a full evaluation reads everything again and finds no result to change
        given().post("/api/scorecards/evaluate").then().statusCode(200)
                .body("evaluated", equalTo(29)).body("changed", equalTo(0));
    }

    @Test
    void everyAnsweredRequestCountsAsTimeScoringGivesWay() {
        long before = requests.servedNanos();
        given().get("/api/scorecards/capabilities?limit=1").then().statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/no-such-thing").then().statusCode(404);
        long after = requests.servedNanos();
        assertTrue(after > before, before + " -> " + after);
    }
}
