package dev.scorecards.reviews;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Platform reviews over the example organisation, through HTTP against the embedded PostgreSQL. */
@QuarkusTest
class ReviewsTest {
    private static final String ORG = "/api/scorecards/reviews/org";
    private static final String POSTGRES = "system:default/postgres-as-a-service";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
        given().contentType("application/json").body("{\"score\": 2, \"voter\": \"bob\", \"comment\": \"Slow | <b>really</b>\"}")
                .post("/api/scorecards/capabilities/system/default/postgres-as-a-service/feedback").then().statusCode(201);
        given().contentType("application/json").body("{\"score\": 5, \"voter\": \"alice\", \"comment\": \"Great\"}")
                .post("/api/scorecards/capabilities/system/default/observability/feedback").then().statusCode(201);
        given().contentType("application/json").body("[{\"entityRef\": \"" + POSTGRES + "\", \"source\": \"desk\","
                + " \"facts\": {\"support.tickets\": 12, \"support.incidents\": 3}}]")
                .post("/api/scorecards/facts").then().statusCode(200);
        bypassReason("group:default/growth", "too-slow", "Provisioning takes two weeks").statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse bypassReason(String team, String reason, String comment) {
        return given().contentType("application/json").body("{\"team\": \"" + team + "\", \"reason\": \"" + reason
                + "\", \"comment\": \"" + comment + "\", \"instead\": \"resource:default/growth-experiments-db\"}")
                .post("/api/scorecards/capabilities/system/default/postgres-as-a-service/bypass-reasons").then();
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
    }

    @Test
    void theOrganisationsReviewOfThisMonthHasEverySectionWithItsFigures() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath r = given().get(ORG).then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertEquals("org", r.getString("scope"));
        assertEquals(null, r.getString("team"));
        assertEquals("Platform review, " + month(today), r.getString("title"));
        assertEquals(today.withDayOfMonth(1).toString(), r.getString("period.start"));
        assertEquals(today.withDayOfMonth(today.lengthOfMonth()).toString(), r.getString("period.end"));
        assertEquals(today.withDayOfMonth(1).minusMonths(1).toString(), r.getString("period.previousStart"));
        // capabilities and their rungs: everything arrived this month
        assertEquals(29, r.getInt("capabilities.count"));
        // postgres-as-a-service: 15 tickets and incidents over 4 consuming teams fail the support-load check, so
        // it is Documented, not Supported (issue 15 §2)
        assertEquals(Map.of("Shipped", 2, "Integrated", 23, "Documented", 2, "Supported", 0, "Adopted", 0,
                "Relied on", 2, "none", 0), r.getMap("capabilities.levels"));
        assertEquals(List.of(0, 0, 29), List.of(r.getInt("capabilities.up"), r.getInt("capabilities.down"),
                r.getInt("capabilities.added")));
        Map<String, Object> pg = r.getMap("capabilities.items.find { it.entityRef == '" + POSTGRES + "' }");
        assertEquals("Documented", pg.get("level"));
        assertEquals(2, pg.get("levelIndex"));
        assertEquals("new", pg.get("change"));
        assertEquals("group:default/data-platform", pg.get("owner"));
        // adoption
        assertEquals(132, r.getInt("adoption.consumers"));
        assertEquals(0, r.getInt("adoption.previousConsumers"));
        assertEquals(0.25, r.getDouble("adoption.medianRate"));
        assertEquals(18, r.getInt("adoption.items.find { it.entityRef == 'system:default/observability' }.consumers"));
        assertEquals(9, r.getInt("adoption.items.find { it.entityRef == 'system:default/observability' }.consumingTeams"));
        assertEquals(0.75, r.getDouble("adoption.items.find { it.entityRef == 'system:default/observability' }.rate"));
        // time to first adopter: every capability arrived with its consumers in one ingestion
        assertEquals(Map.of("n", 0, "notReported", 29), Map.of("n", r.getInt("timeToFirstAdopter.n"),
                "notReported", r.getInt("timeToFirstAdopter.notReported")));
        assertEquals(null, r.getString("timeToFirstAdopter.medianDays"));
        // satisfaction: CSAT 50 % of two ratings, the low one with its comment
        assertEquals(2, r.getInt("satisfaction.n"));
        assertEquals(50.0, r.getDouble("satisfaction.csat"));
        assertEquals(3.5, r.getDouble("satisfaction.mean"));
        assertEquals(List.of(POSTGRES), r.getList("satisfaction.lowRatings.entityRef"));
        assertEquals("Slow | <b>really</b>", r.getString("satisfaction.lowRatings[0].comment"));
        // bypasses: postgres-as-a-service, by payments (a direct dependency) and growth (declared), which said why
        assertEquals(2, r.getInt("bypasses.count"));
        assertEquals(1, r.getInt("bypasses.capabilities"));
        assertEquals(List.of("group:default/growth", "group:default/payments"), r.getList("bypasses.items[0].teams"));
        assertEquals(Map.of("too-slow", 1), r.getMap("bypasses.items[0].reasons"));
        assertEquals(List.of("group:default/payments"), r.getList("bypasses.items[0].unanswered"));
        assertEquals(Map.of("team", "group:default/growth", "reason", "too-slow", "comment",
                "Provisioning takes two weeks", "instead", "resource:default/growth-experiments-db"),
                Map.of("team", r.getString("bypasses.items[0].answers[0].team"),
                        "reason", r.getString("bypasses.items[0].answers[0].reason"),
                        "comment", r.getString("bypasses.items[0].answers[0].comment"),
                        "instead", r.getString("bypasses.items[0].answers[0].instead")));
        // support load: the stored facts, 15 tickets and incidents over 4 consuming teams, as the capability shows them
        assertEquals(15.0, r.getDouble("supportLoad.total"));
        assertEquals(List.of(POSTGRES), r.getList("supportLoad.items.entityRef"));
        assertEquals(15.0, r.getDouble("supportLoad.items[0].supportLoad"));
        assertEquals(3.75, r.getDouble("supportLoad.items[0].supportLoadPerTeam"));
        assertEquals(4, r.getInt("supportLoad.items[0].consumingTeams"));
        JsonPath facts = given().get("/api/scorecards/capabilities/system/default/postgres-as-a-service").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(facts.getDouble("facts.supportLoad"), r.getDouble("supportLoad.items[0].supportLoad"));
        assertEquals(facts.getDouble("facts.supportLoadPerTeam"), r.getDouble("supportLoad.items[0].supportLoadPerTeam"));
        // the review's graph has the capabilities' edges only: the enablement team's intake queue is no
        // capability, so the example's bottleneck (summary, team graph) is not one here; the file campaign, done
        assertEquals(List.of(), r.getList("bottlenecks"));
        assertEquals(List.of(Map.of("id", "observability-relied-on", "title", "Observability is relied on",
                "deadline", "2099-12-31", "status", "completed", "done", 1, "total", 1, "percentage", 100.0f)),
                r.getList("campaigns"));
        // the three next steps with the most effect
        assertEquals(List.of("documentation.has-docs", "documentation.source-location", "adoption.has-consumer"),
                r.getList("nextSteps.checkId"));
        assertEquals(List.of(22, 22, 2), r.getList("nextSteps.capabilities"));
        assertEquals(List.of(1, 1, 2), r.getList("nextSteps.wouldClimb"));
        assertEquals("Has documentation", r.getString("nextSteps[0].name"));
        // the same figures as the summary of now
        JsonPath summary = given().get("/api/scorecards/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(summary.getMap("levels"), r.getMap("capabilities.levels"));
        assertEquals(summary.getInt("bypasses.count"), r.getInt("bypasses.count"));
        assertEquals(summary.getDouble("satisfaction.csat"), r.getDouble("satisfaction.csat"));
        assertEquals(summary.getDouble("adoptionRate.median"), r.getDouble("adoption.medianRate"));
    }

    @Test
    void aTeamsReviewHoldsTheCapabilitiesItOwns() {
        JsonPath r = given().queryParam("period", "quarter").get("/api/scorecards/reviews/teams/default/data-platform")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("team", r.getString("scope"));
        assertEquals("group:default/data-platform", r.getString("team"));
        assertEquals("quarter", r.getString("period.kind"));
        assertEquals(List.of("api:default/postgres-provisioning-api", POSTGRES), r.getList("capabilities.items.entityRef"));
        assertEquals(List.of("Integrated", "Documented"), r.getList("capabilities.items.level"));
        assertEquals(7, r.getInt("adoption.consumers"));
        assertEquals(0.2916, r.getDouble("adoption.medianRate"));
        assertEquals(1, r.getInt("satisfaction.n"));
        assertEquals(0.0, r.getDouble("satisfaction.csat"));
        assertEquals(2, r.getInt("bypasses.count"));
        assertEquals(List.of(POSTGRES), r.getList("supportLoad.items.entityRef"));
        assertEquals(List.of(), r.getList("campaigns"), "the file campaign selects observability only");
        assertEquals(List.of("support-readiness.support-load", "documentation.has-docs", "documentation.source-location"),
                r.getList("nextSteps.checkId"));
        assertEquals(List.of(POSTGRES), r.getList("nextSteps[0].entityRefs"));
        // a team of the catalog without capabilities has an empty review; another name is a 404
        given().get("/api/scorecards/reviews/teams/default/growth").then().statusCode(200)
                .body("capabilities.count", equalTo(1)).body("capabilities.items[0].entityRef",
                        equalTo("system:default/growth-marketing"));
        given().get("/api/scorecards/reviews/teams/default/platform").then().statusCode(200)
                .body("capabilities.count", equalTo(0)).body("satisfaction.csat", nullValue());
    }

    @Test
    void aPastReviewIsRegeneratedByteForByteAfterTheCatalogChanged() throws Exception {
        // the example's history as if recorded a month ago
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update scoring_history set at = at - interval '1 month'");
            s.execute("update review_snapshot set at = at - interval '1 month'");
            s.execute("update scoring_capability set first_seen_at = first_seen_at - interval '1 month'");
            s.execute("update facts_feedback set at = at - interval '1 month'");
            s.execute("update facts_bypass_reason set at = at - interval '1 month'");
            // the pushed support facts: outside the 30-day trend window now, whatever the month's length (the past
            // review reads the support load stored with the snapshots, not these)
            s.execute("update facts_value set observed_at = observed_at - interval '2 months',"
                    + " received_at = received_at - interval '2 months'");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String past = today.minusMonths(1).toString();
        byte[][] before = forms("month", past);
        assertTrue(new String(before[1], java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("# Platform review, " + month(today.minusMonths(1)) + "\n"));
        // changes now: a first consumer of the message bus, ratings, support facts, a campaign
        Catalog.ingest("review-change", "delta", Catalog.component("payments-events", "payments",
                "consumesApis: [events-api]")).statusCode(200);
        given().contentType("application/json").body("{\"score\": 5, \"voter\": \"bob\"}")
                .post("/api/scorecards/capabilities/system/default/postgres-as-a-service/feedback").then()
                .statusCode(200); // replaces bob's rating
        given().contentType("application/json").body("[{\"entityRef\": \"" + POSTGRES + "\", \"source\": \"desk\","
                + " \"facts\": {\"support.tickets\": 40}}]").post("/api/scorecards/facts").then().statusCode(200);
        bypassReason("group:default/payments", "missing-feature", "No ledger-grade isolation").statusCode(201);
        bypassReason("group:default/growth", "too-rigid", "Fixed instance sizes").statusCode(200);
        given().contentType("application/json").body("{\"id\": \"all-shipped\", \"title\": \"Shipped\", \"target\":"
                + " {\"level\": \"Shipped\"}, \"deadline\": \"2099-01-01\"}").post("/api/scorecards/campaigns").then()
                .statusCode(201);
        byte[][] after = forms("month", past);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(before[i], after[i], "form " + i + " of the past review changed");
        }
        // this month's review shows the changes against last month's end
        JsonPath now = given().get(ORG).then().statusCode(200).extract().jsonPath();
        Map<String, Object> events = now.getMap("capabilities.items.find { it.entityRef == 'api:default/events-api' }");
        assertEquals(Map.of("entityRef", "api:default/events-api", "title", "Events API",
                "owner", "group:default/integration-platform", "level", "Integrated", "levelIndex", 1,
                "previousLevel", "Shipped", "change", "up"), events);
        assertEquals("up", now.getString("adoption.items.find { it.entityRef == 'api:default/events-api' }.trend"));
        assertEquals(0, now.getInt("adoption.items.find { it.entityRef == 'api:default/events-api' }.previousConsumers"));
        assertEquals(0, now.getInt("capabilities.added"));
        assertEquals(134, now.getInt("adoption.consumers"), "the events API and the message bus it belongs to");
        assertEquals(132, now.getInt("adoption.previousConsumers"));
        assertEquals(List.of(), now.getList("satisfaction.lowRatings"), "the low rating was given last month");
        assertEquals(100.0, now.getDouble("satisfaction.csat"));
        assertEquals(40.0, now.getDouble("supportLoad.total"), "the 40 tickets pushed now; the 15 are out of the window");
        assertEquals(10.0, now.getDouble("supportLoad.items[0].supportLoadPerTeam"));
        assertEquals(Map.of("too-rigid", 1, "missing-feature", 1), now.getMap("bypasses.items[0].reasons"));
        assertEquals(List.of(), now.getList("bypasses.items[0].unanswered"));
        assertEquals(List.of("all-shipped", "observability-relied-on"), now.getList("campaigns.id"));
        // time to first adopter: as the signals endpoint measures it now
        JsonPath ttfa = given().get("/api/scorecards/time-to-first-adopter").then().statusCode(200).extract().jsonPath();
        assertTrue(ttfa.getInt("n") > 0, "the message bus found its first adopter a month after it appeared");
        assertEquals(ttfa.getInt("n"), now.getInt("timeToFirstAdopter.n"));
        assertEquals(ttfa.getDouble("medianDays"), now.getDouble("timeToFirstAdopter.medianDays"));
        assertEquals(ttfa.getDouble("p90Days"), now.getDouble("timeToFirstAdopter.p90Days"));
    }

    /** The review in JSON, Markdown and HTML, as bytes. */
    private static byte[][] forms(String period, String at) {
        byte[][] out = new byte[3][];
        String[] formats = {"json", "markdown", "html"};
        for (int i = 0; i < 3; i++) {
            out[i] = given().queryParam("period", period).queryParam("at", at).queryParam("format", formats[i])
                    .get(ORG).then().statusCode(200).extract().asByteArray();
        }
        return out;
    }

    @Test
    void theFormIsChosenByAcceptOrFormat() {
        String title = "Platform review, " + month(LocalDate.now(ZoneOffset.UTC));
        given().accept("text/markdown").get(ORG).then().statusCode(200).contentType("text/markdown;charset=UTF-8")
                .body(startsWith("# " + title + "\n\nPeriod: month "));
        String md = given().queryParam("format", "markdown").accept("application/json").get(ORG).then().statusCode(200)
                .contentType("text/markdown;charset=UTF-8").extract().asString();
        assertTrue(md.contains("\n| " + POSTGRES + " | 2 | Slow \\| \\<b\\>really\\</b\\> | "), md);
        assertTrue(md.contains("\n## Bypasses\n\n2 bypasses of 1 capabilities.\n"), md);
        assertTrue(md.contains("\n| " + POSTGRES + " | 2 | group:default/growth, group:default/payments | too-slow 1 |"
                + " group:default/payments |\n"), md);
        assertTrue(md.contains("\n| " + POSTGRES + " | group:default/growth | too-slow | Provisioning takes two weeks |"
                + " resource:default/growth-experiments-db |\n"), md);
        assertTrue(md.contains("\n## Support load\n\n15.0 tickets and incidents in the trend window"), md);
        assertTrue(md.contains("\n| " + POSTGRES + " | 15.0 | 4 | 3.75 |\n"), md);
        assertTrue(md.contains("\n1. **Has documentation** (`documentation.has-docs`): 22 capabilities wait on it,"
                + " 1 on it alone."), md);
        Response html = given().accept("text/html").get(ORG);
        html.then().statusCode(200).contentType("text/html;charset=UTF-8")
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
        String page = html.asString();
        assertTrue(page.contains("<h1 id=\"title\">" + title + "</h1>"), page);
        assertTrue(page.contains("Slow | &lt;b&gt;really&lt;/b&gt;"), "comments are escaped");
        for (String section : List.of("capabilities", "adoption", "time-to-first-adopter", "satisfaction", "bypasses",
                "support-load", "bottlenecks", "campaigns", "next-steps")) {
            assertTrue(page.contains("<h2 id=\"" + section + "\">"), section);
        }
        given().queryParam("format", "HTML").get(ORG).then().statusCode(200).contentType("text/html;charset=UTF-8");
        given().queryParam("format", "json").accept("text/html").get(ORG).then().statusCode(200)
                .contentType("application/json").body("scope", equalTo("org"));
        given().get(ORG).then().statusCode(200).contentType("application/json");
        given().accept("*/*").get(ORG).then().statusCode(200).contentType("application/json");
        // the web pages link the printable review
        assertTrue(given().get("/").asString().contains("href=\"/api/scorecards/reviews/org?period=month&amp;format=html\""));
        // lists keep their two forms
        given().queryParam("format", "markdown").get("/api/scorecards/capabilities").then().statusCode(400)
                .body("error.message", equalTo("Invalid format 'markdown': json or csv"));
        given().queryParam("format", "csv").get("/api/scorecards/capabilities").then().statusCode(200)
                .contentType("text/csv;charset=UTF-8");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        refused(given().queryParam("period", "year"), "Invalid period 'year': week, month or quarter");
        refused(given().queryParam("at", "2026-13-01"), "Invalid at '2026-13-01': a date such as 2026-11-30");
        refused(given().queryParam("format", "csv"), "Invalid format 'csv': json, markdown or html");
        refused(given().queryParam("period", "year").accept("text/markdown"),
                "Invalid period 'year': week, month or quarter");
        given().get("/api/scorecards/reviews/teams/default/nope").then().statusCode(404)
                .contentType("application/json").body("error.name", equalTo("NotFoundError"))
                .body("error.message", equalTo("No team group:default/nope"))
                .body("response.statusCode", equalTo(404));
        // the periods around a day: ISO weeks (one can span two years), calendar months and quarters
        period("week", "2026-11-30", "2026-W49", "2026-11-30", "2026-12-06", "2026-11-23", "2026-11-29");
        period("week", "2027-01-01", "2026-W53", "2026-12-28", "2027-01-03", "2026-12-21", "2026-12-27");
        period("month", "2026-11-30", "November 2026", "2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31");
        period("quarter", "2026-11-30", "2026-Q4", "2026-10-01", "2026-12-31", "2026-07-01", "2026-09-30");
        period("QUARTER", "2027-02-01", "2027-Q1", "2027-01-01", "2027-03-31", "2026-10-01", "2026-12-31");
    }

    private static void refused(io.restassured.specification.RequestSpecification request, String message) {
        request.get(ORG).then().statusCode(400).contentType("application/json")
                .body("error.name", equalTo("InputError")).body("error.message", equalTo(message))
                .body("request.method", equalTo("GET")).body("response.statusCode", equalTo(400));
    }

    private static void period(String kind, String at, String label, String start, String end, String previousStart,
            String previousEnd) {
        given().queryParam("period", kind).queryParam("at", at).get(ORG).then().statusCode(200)
                .body("period.label", equalTo(label)).body("period.start", equalTo(start))
                .body("period.end", equalTo(end)).body("period.previousStart", equalTo(previousStart))
                .body("period.previousEnd", equalTo(previousEnd));
    }
}
