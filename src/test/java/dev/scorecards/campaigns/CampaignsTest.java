package dev.scorecards.campaigns;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import dev.scorecards.notifications.CampaignNotices;
import dev.scorecards.notifications.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaigns over the example organisation: progress equals what the capability list shows, per team and capability. */
@QuarkusTest
class CampaignsTest {
    @Inject
    DataSource dataSource;
    @Inject
    CampaignNotices notices;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    private static JsonPath create(String body) {
        return given().contentType("application/json").body(body).post("/api/scorecards/campaigns").then()
                .statusCode(201).extract().jsonPath();
    }

    /** The capability list's rows (all of them, up to 500), optionally for one owner. */
    private static List<Map<String, Object>> listed(String owner) {
        var req = given().queryParam("limit", 500);
        if (owner != null) {
            req.queryParam("owner", owner);
        }
        return req.get("/api/scorecards/capabilities").then().statusCode(200).extract().jsonPath().getList("items");
    }

    @SuppressWarnings("unchecked")
    private static long silverOrAbove(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> ((Map<String, Map<String, Object>>) r.get("scorecards")).get("documentation")
                != null && ((Number) ((Map<String, Map<String, Object>>) r.get("scorecards")).get("documentation")
                        .get("levelIndex")).intValue() >= 1).count();
    }

    @Test
    void progressOverTheExampleCatalogIsWhatTheCapabilityListShows() {
        List<Map<String, Object>> all = listed(null);
        long expectedDone = silverOrAbove(all);
        JsonPath c = create("{\"id\": \"docs-silver\", \"title\": \"Documented to Silver\", \"owner\": \"platform\","
                + " \"target\": {\"scorecard\": \"documentation\", \"level\": \"silver\"}, \"deadline\": \"2099-03-31\"}");
        assertEquals(all.size(), c.getInt("total"));
        assertEquals(expectedDone, c.getLong("done"));
        assertTrue(expectedDone > 0 && expectedDone < all.size(), "the example has both");
        assertEquals("Silver", c.getString("target.level"));
        assertEquals("group:default/platform", c.getString("owner"));
        assertEquals("active", c.getString("status"));
        assertEquals(Math.round(1000.0 * expectedDone / all.size()) / 10.0, c.getDouble("percentage"), 0.0);
        // per team: each owner's share is what the list filtered by that owner shows
        long sum = 0;
        for (Map<String, Object> team : c.<Map<String, Object>>getList("teams")) {
            List<Map<String, Object>> owned = listed((String) team.get("owner"));
            assertEquals(owned.size(), ((Number) team.get("total")).intValue(), "total of " + team.get("owner"));
            assertEquals(silverOrAbove(owned), ((Number) team.get("done")).longValue(), "done of " + team.get("owner"));
            sum += owned.size();
        }
        assertEquals(all.size(), sum);
        // per capability, with the checks between it and Silver
        given().get("/api/scorecards/campaigns/docs-silver").then().statusCode(200)
                .body("capabilities.find { it.entityRef == 'system:default/observability' }.done", equalTo(true))
                .body("capabilities.find { it.entityRef == 'system:default/observability' }.nextSteps.size()", equalTo(0))
                .body("capabilities.find { it.entityRef == 'system:default/secrets-vault' }.done", equalTo(false))
                .body("capabilities.find { it.entityRef == 'system:default/secrets-vault' }.level", equalTo(null))
                .body("capabilities.find { it.entityRef == 'system:default/secrets-vault' }.nextSteps.checkId",
                        contains("documentation.has-description", "documentation.has-docs"))
                .body("capabilities.find { it.entityRef == 'system:default/secrets-vault' }.nextSteps[0].remediation",
                        startsWith("Add metadata.description"));
        // the list, the badge and the web pages say the same
        given().get("/api/scorecards/campaigns").then().statusCode(200)
                .body("items.find { it.id == 'docs-silver' }.done", equalTo((int) expectedDone))
                .body("items.id", contains("docs-silver", "observability-relied-on"));
        String svg = given().get("/api/scorecards/badges/campaigns/docs-silver.svg").then().statusCode(200)
                .extract().asString();
        assertTrue(svg.contains(">" + expectedDone + "/" + all.size() + "<"), svg);
        given().get("/api/scorecards/badges/campaigns/nope.svg").then().statusCode(404);
        String page = given().get("/campaigns/docs-silver").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<span class=\"big\" id=\"done\">" + expectedDone + "</span>"), page);
        String home = given().get("/").then().statusCode(200).extract().asString();
        assertTrue(home.contains("href=\"/campaigns/docs-silver\""));
        given().get("/campaigns/nope").then().statusCode(404);
    }

    @Test
    void everyListAnswersCsv() {
        create("{\"id\": \"checks\", \"title\": \"Descriptions\", \"target\": {\"checks\": [\"documentation.has-description\"]},"
                + " \"selection\": {\"capabilities\": [\"system:default/secrets-vault\", \"system:default/observability\"]},"
                + " \"deadline\": \"2099-01-01\"}");
        String caps = given().get("/api/scorecards/campaigns/checks/capabilities?format=csv").then().statusCode(200)
                .extract().asString();
        assertEquals("entityRef,title,owner,done,missed,level,nextSteps\r\n"
                + "system:default/observability,Observability,group:default/observability,true,false,,\r\n"
                + "system:default/secrets-vault,secrets-vault,group:default/security-platform,false,false,,"
                + "documentation.has-description\r\n", caps);
        String teams = given().get("/api/scorecards/campaigns/checks/teams?format=csv").then().statusCode(200)
                .extract().asString();
        assertEquals("owner,done,total,percentage\r\ngroup:default/observability,1,1,100.0\r\n"
                + "group:default/security-platform,0,1,0.0\r\n", teams);
        String list = given().get("/api/scorecards/campaigns?format=csv").then().statusCode(200).extract().asString();
        assertTrue(list.startsWith("id,title,owner,deadline,status,done,total,percentage,daysLeft,missedCount,source\r\n"
                + "checks,Descriptions,,2099-01-01,active,1,2,50.0,"), list);
        String history = given().get("/api/scorecards/campaigns/checks/history?format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(history.startsWith("at,done,total,percentage\r\n"), history);
        String[] lines = history.split("\r\n");
        assertTrue(lines[lines.length - 1].endsWith(",1,2,50.0"), history);
    }

    @Test
    void pastTheDeadlineTheMissedCapabilitiesStayListedAndTheOwnerIsTold() throws Exception {
        // the example catalog's results as if recorded three days ago
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update scoring_history set at = at - interval '3 days'");
        }
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        try (Receiver receiver = new Receiver()) {
            given().contentType("application/json").body("{\"url\": \"" + receiver.base() + "/campaigns\", \"events\":"
                    + " [\"campaign-missed\"], \"secret\": \"k\", \"selection\": {\"owner\": \"security-platform\"}}")
                    .post("/api/scorecards/webhooks").then().statusCode(201);
            JsonPath c = create("{\"id\": \"late\", \"title\": \"Late\", \"owner\": \"security-platform\", \"target\":"
                    + " {\"checks\": [\"documentation.has-description\"]}, \"selection\": {\"owner\": \"security-platform\"},"
                    + " \"deadline\": \"" + yesterday + "\"}");
            assertEquals("missed", c.getString("status"));
            assertEquals(-1, c.getInt("daysLeft"));
            List<String> missed = c.getList("missed");
            assertTrue(missed.contains("system:default/secrets-vault"), missed.toString());
            assertEquals(c.getInt("total") - c.getInt("done"), missed.size());
            // late missed; the file campaign observability-relied-on completed
            assertEquals(2, notices.check(), "two notices");
            assertEquals(0, notices.check(), "a notice is sent once");
            Receiver.Got got = receiver.await("/campaigns", g -> true, Duration.ofSeconds(5));
            assertNotNull(got);
            assertEquals("campaign-missed", got.header("X-Scorecards-Event"));
            JsonPath event = new JsonPath(got.text());
            assertEquals("late", event.getString("campaign.id"));
            assertEquals(missed, event.getList("missed"));
        }
    }

    @Test
    void fileCampaignsAreReadOnlyAndBadDefinitionsAreRefusedNamingTheField() {
        given().get("/api/scorecards/campaigns/observability-relied-on").then().statusCode(200)
                .body("source", equalTo("file")).body("done", equalTo(1)).body("total", equalTo(1))
                .body("status", equalTo("completed"));
        given().contentType("application/json").body("{\"title\": \"x\", \"target\": {\"level\": \"Shipped\"},"
                + " \"deadline\": \"2099-01-01\"}").put("/api/scorecards/campaigns/observability-relied-on").then()
                .statusCode(409);
        given().delete("/api/scorecards/campaigns/observability-relied-on").then().statusCode(409);
        bad("{\"id\": \"a\", \"title\": \"A\", \"target\": {\"scorecard\": \"nope\", \"level\": \"Gold\"},"
                + " \"deadline\": \"2099-01-01\"}", "campaign: target.scorecard unknown scorecard 'nope'");
        bad("{\"id\": \"a\", \"title\": \"A\", \"target\": {\"scorecard\": \"documentation\", \"level\": \"Platinum\"},"
                + " \"deadline\": \"2099-01-01\"}", "campaign: target.level 'Platinum' is not a level of documentation:"
                + " one of [Bronze, Silver, Gold]");
        bad("{\"id\": \"a\", \"title\": \"A\", \"target\": {\"level\": \"Shipped\"}, \"deadline\": \"soon\"}",
                "campaign: deadline 'soon' must be a date such as 2027-03-31");
        bad("{\"id\": \"a\", \"title\": \"A\\u0000\", \"target\": {\"level\": \"Shipped\"}, \"deadline\": \"2099-01-01\"}",
                "Malformed request: body field title contains a NUL character (\\u0000), which cannot be stored");
        bad("{\"id\": \"A B\", \"title\": \"A\", \"target\": {\"level\": \"Shipped\"}, \"deadline\": \"2099-01-01\"}",
                "campaign: id 'A B' must be 1-63 lower-case letters, digits and '-', starting with a letter or digit");
        bad("{\"id\": \"a\", \"title\": \"A\", \"target\": {\"level\": \"Shipped\"}, \"selection\": {\"team\": \"x\"},"
                + " \"deadline\": \"2099-01-01\"}", "campaign: selection.team is not a campaign field: one of"
                + " [capabilities, domain, kind, owner, q, system]");
        String ok = "{\"id\": \"shipped\", \"title\": \"Shipped\", \"target\": {\"level\": \"Shipped\"},"
                + " \"deadline\": \"2099-01-01\"}";
        create(ok);
        given().contentType("application/json").body(ok).post("/api/scorecards/campaigns").then().statusCode(409);
        given().contentType("application/json").body("{\"title\": \"Shipped everywhere\", \"target\": {\"level\":"
                + " \"Shipped\"}, \"selection\": {\"kind\": \"API\"}, \"deadline\": \"2099-01-02\"}")
                .put("/api/scorecards/campaigns/shipped").then().statusCode(200)
                .body("title", equalTo("Shipped everywhere")).body("selection.kind", contains("api"))
                .body("deadline", equalTo("2099-01-02"));
        given().delete("/api/scorecards/campaigns/shipped").then().statusCode(204);
        given().get("/api/scorecards/campaigns/shipped").then().statusCode(404);
        given().delete("/api/scorecards/campaigns/shipped").then().statusCode(404);
    }

    private static void bad(String body, String message) {
        given().contentType("application/json").body(body).post("/api/scorecards/campaigns").then().statusCode(400)
                .body("error.message", equalTo(message));
    }
}
