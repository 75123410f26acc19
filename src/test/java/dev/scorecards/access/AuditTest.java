package dev.scorecards.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log (OIDC off, as in local runs): one entry per write request, newest first, failed ones included. */
@QuarkusTest
class AuditTest {
    @Inject
    DataSource dataSource;
    @Inject
    dev.scorecards.api.access.AuditLog audit;

    @BeforeEach
    void startEmpty() {
        Catalog.wipe(dataSource); // leaves one entry: its own POST /api/scorecards/evaluate
    }

    private static void writes() {
        Catalog.ingest("audit-test", "full", Catalog.component("audited", "team-a", null)).statusCode(200);
        given().contentType("application/json").body("{\"score\": 9}")
                .post("/api/scorecards/capabilities/System/Default/Pay/feedback").then().statusCode(404);
        given().delete("/api/scorecards/exemptions/no-such-exemption").then().statusCode(404);
        // reads are not recorded, even those sent as POST
        given().contentType("application/json").body("{\"entityRefs\": [\"component:default/audited\"]}")
                .post("/api/catalog/entities/by-refs").then().statusCode(200);
        given().get("/api/scorecards/capabilities").then().statusCode(200);
    }

    @Test
    void everyWriteIsRecordedNewestFirstWithWhoWhatAndWhen() {
        Instant before = Instant.now();
        writes();
        JsonPath log = given().get("/api/scorecards/audit").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items.actor", contains("anonymous", "anonymous", "anonymous", "anonymous"))
                .body("items.method", contains("DELETE", "POST", "POST", "POST"))
                .body("items.path", contains("/api/scorecards/exemptions/no-such-exemption",
                        "/api/scorecards/capabilities/System/Default/Pay/feedback", "/api/catalog/ingest",
                        "/api/scorecards/evaluate"))
                .body("items.query", contains(null, null, "source=audit-test&mode=full", null))
                .body("items.operation", contains("DELETE /api/scorecards/exemptions/{id}",
                        "POST /api/scorecards/capabilities/{kind}/{namespace}/{name}/feedback",
                        "POST /api/catalog/ingest", "POST /api/scorecards/evaluate"))
                .body("items.status", contains(404, 404, 200, 200))
                .body("items.target", contains(null, "system:default/pay", null, null))
                .body("pageInfo.nextCursor", nullValue())
                .extract().jsonPath();
        Instant newest = Instant.parse(log.getString("items[0].at"));
        Instant ingest = Instant.parse(log.getString("items[2].at"));
        assertEquals(true, !ingest.isBefore(before) && !newest.isBefore(ingest), before + " " + ingest + " " + newest);
        assertEquals(true, log.getLong("items[0].id") > log.getLong("items[1].id"));
    }

    @Test
    void theWholeLogIsACsvDownload() {
        writes();
        JsonPath log = given().get("/api/scorecards/audit").then().statusCode(200).extract().jsonPath();
        String ids = log.getList("items.id").toString();
        String[] id = ids.substring(1, ids.length() - 1).split(", ");
        String[] at = log.getList("items.at").toArray(new String[0]);
        String csv = given().queryParam("format", "csv").get("/api/scorecards/audit").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .extract().asString();
        assertEquals("id,at,actor,method,path,query,operation,status,target\r\n"
                + id[0] + "," + at[0] + ",anonymous,DELETE,/api/scorecards/exemptions/no-such-exemption,,"
                + "DELETE /api/scorecards/exemptions/{id},404,\r\n"
                + id[1] + "," + at[1] + ",anonymous,POST,/api/scorecards/capabilities/System/Default/Pay/feedback,,"
                + "POST /api/scorecards/capabilities/{kind}/{namespace}/{name}/feedback,404,system:default/pay\r\n"
                + id[2] + "," + at[2] + ",anonymous,POST,/api/catalog/ingest,source=audit-test&mode=full,"
                + "POST /api/catalog/ingest,200,\r\n"
                + id[3] + "," + at[3] + ",anonymous,POST,/api/scorecards/evaluate,,POST /api/scorecards/evaluate,200,\r\n",
                csv);
        // the filters apply, and a limit makes it a page
        assertEquals(2, given().header("Accept", "text/csv").queryParam("limit", "1").get("/api/scorecards/audit")
                .then().statusCode(200).extract().asString().split("\r\n").length);
        given().queryParam("format", "xml").get("/api/scorecards/audit").then().statusCode(400);
    }

    @Test
    void pagesFilterByTimeAndActor() {
        writes();
        String cursor = given().queryParam("limit", "3").get("/api/scorecards/audit").then().statusCode(200)
                .body("items.status", contains(404, 404, 200)).body("pageInfo.nextCursor", notNullValue())
                .extract().path("pageInfo.nextCursor");
        given().queryParam("cursor", cursor).get("/api/scorecards/audit").then().statusCode(200)
                .body("items.operation", contains("POST /api/scorecards/evaluate"))
                .body("pageInfo.nextCursor", nullValue());
        given().queryParam("actor", "someone-else").get("/api/scorecards/audit").then().statusCode(200)
                .body("items", empty());
        given().queryParam("since", "2999-01-01T00:00:00Z").get("/api/scorecards/audit").then().statusCode(200)
                .body("items", empty());
        given().queryParam("until", "2000-01-01T00:00:00Z").get("/api/scorecards/audit").then().statusCode(200)
                .body("items", empty());
        given().queryParam("since", "2000-01-01T00:00:00Z").queryParam("until", "2999-01-01T00:00:00Z")
                .get("/api/scorecards/audit").then().statusCode(200).body("items", hasSize(4));
        given().queryParam("since", "yesterday").get("/api/scorecards/audit").then().statusCode(400)
                .body("error.message", equalTo("Invalid since 'yesterday': expected an ISO-8601 instant such as"
                        + " 2026-11-01T00:00:00Z"));
        given().queryParam("limit", "0").get("/api/scorecards/audit").then().statusCode(400)
                .body("error.message", equalTo("Invalid limit, must be greater than zero"));
        given().queryParam("cursor", "bm90LWpzb24").get("/api/scorecards/audit").then().statusCode(400)
                .body("error.message", equalTo("Malformed audit cursor"));
    }

    @Test
    void entriesOlderThanTheRetentionArePruned() throws Exception {
        writes();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("update api_audit set at = now() - interval '91 days' where method = 'DELETE'");
            st.executeUpdate("update api_audit set at = now() - interval '89 days' where path like '%/feedback'");
        }
        assertEquals(1, audit.prune()); // scorecards.audit.retention=90d, run every scorecards.audit.prune-every
        given().get("/api/scorecards/audit").then().statusCode(200)
                .body("items.method", contains("POST", "POST", "POST"))
                .body("items.operation", contains("POST /api/scorecards/capabilities/{kind}/{namespace}/{name}/feedback",
                        "POST /api/catalog/ingest", "POST /api/scorecards/evaluate"));
        assertEquals(0, audit.prune());
    }

    @Test
    @TestSecurity(user = "erin", roles = "user")
    void theActorIsTheCallersPrincipal() {
        given().contentType("application/json").body("[]").post("/api/scorecards/facts").then().statusCode(200);
        // the wipe before the test ran as erin too
        given().queryParam("actor", "erin").get("/api/scorecards/audit").then().statusCode(200)
                .body("items.operation", contains("POST /api/scorecards/facts", "POST /api/scorecards/evaluate"))
                .body("items.status", contains(200, 200));
        given().queryParam("actor", "anonymous").get("/api/scorecards/audit").then().statusCode(200)
                .body("items", empty());
    }
}
