package dev.scorecards.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * With OIDC on and its provider unreachable: public reads still work, a token cannot be checked
 * (503 with Retry-After, not 500); and the rate limits count exactly, per caller.
 */
@QuarkusTest
@TestProfile(ProviderDownProfile.class)
class ProviderDownTest {
    private static final String FACTS = "/api/scorecards/facts";

    @Inject
    DataSource dataSource;

    @Test
    void publicReadsWorkWithoutTheProvider() {
        given().get("/api/scorecards/capabilities").then().statusCode(200);
        // a public read never looks at the token
        given().auth().oauth2("anything").get("/api/scorecards/summary").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void withoutARolesClaimQuarkusLooksInItsDefaultClaims() {
        // scorecards.auth.roles-claim is empty here: role-claim-path must be absent, not an empty list
        assertEquals(java.util.Optional.empty(), org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValues("quarkus.oidc.roles.role-claim-path", String.class));
    }

    @Test
    void aTokenThatCannotBeCheckedIs503WithRetryAfter() {
        String token = OidcWiremockTestResource.getAccessToken("tess", Set.of("scorecards-admin"));
        given().auth().oauth2(token).contentType("application/json").body("[]").post(FACTS).then().statusCode(503)
                .header("Retry-After", "30")
                .body("error.name", equalTo("ServiceUnavailableError"))
                .body("error.message", equalTo("The identity provider cannot be reached to verify the request's token;"
                        + " retry in 30 s"))
                .body("request.method", equalTo("POST")).body("request.url", equalTo(FACTS))
                .body("response.statusCode", equalTo(503));
        given().auth().oauth2(token).post("/api/scorecards/evaluate").then().statusCode(503).header("Retry-After", "30");
    }

    @Test
    @TestSecurity(user = "rita", roles = "scorecards-writer")
    void aCallerHasThreeWritesAMinute() {
        for (int i = 1; i <= 3; i++) {
            given().contentType("application/json").body("[]").post(FACTS).then().statusCode(200);
        }
        Response refused = given().contentType("application/json").body("[]").post(FACTS);
        refused.then().statusCode(429).body("error.name", equalTo("TooManyRequestsError"))
                .body("error.message", matchesPattern("Rate limit of 3 writes per minute reached for user rita; retry in"
                        + " ([1-9]|[1-5][0-9]|60) s"))
                .body("response.statusCode", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("Rate limit of 3 writes per minute reached for user rita; retry in " + retryAfter + " s",
                refused.path("error.message"));
        // evaluations have a budget of their own, and reads none
        given().post("/api/scorecards/capabilities/api/default/nope/evaluate").then().statusCode(403);
        given().get("/api/scorecards/capabilities").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "eve", roles = "scorecards-admin")
    void aCallerHasTwoEvaluationsAMinuteBesidesItsWrites() {
        given().post("/api/scorecards/capabilities/api/default/nope/evaluate").then().statusCode(404);
        given().post("/api/scorecards/capabilities/api/default/nope/evaluate").then().statusCode(404);
        given().post("/api/scorecards/evaluate").then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("error.message", matchesPattern("Rate limit of 2 evaluations per minute reached for user eve; retry in"
                        + " [0-9]+ s"));
        given().contentType("application/json").body("[]").post(FACTS).then().statusCode(200);
    }

    @Test
    void anonymousCallersAreCountedByAddress() throws SQLException {
        long rows = factsRows();
        double anonymous = refusals("anonymous");
        double throttled = refusals("throttled");
        for (int i = 1; i <= 3; i++) {
            given().contentType("application/json").body("[]").post(FACTS).then().statusCode(401);
        }
        given().contentType("application/json").body("[]").post(FACTS).then().statusCode(429)
                .body("error.message", matchesPattern("Rate limit of 3 writes per minute reached for address"
                        + " 127\\.0\\.0\\.1; retry in [0-9]+ s"));
        // the audit log stays bounded: anonymous (401) and throttled (429) refusals are counted, not stored
        assertEquals(rows, factsRows());
        assertEquals(anonymous + 3, refusals("anonymous"));
        assertEquals(throttled + 1, refusals("throttled"));
    }

    private long factsRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from api_audit where path = '" + FACTS + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** scorecards_audit_refusals_total for POST /api/scorecards/facts and {@code reason}, 0 before the first. */
    private static double refusals(String reason) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("scorecards_audit_refusals_total{") && l.contains("reason=\"" + reason + "\"")
                        && l.contains("operation=\"POST " + FACTS + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @TestSecurity(user = "ada", roles = "scorecards-admin")
    void refusalsAreAudited() {
        String token = OidcWiremockTestResource.getAccessToken("tess", Set.of("scorecards-admin"));
        given().auth().oauth2(token).delete("/api/scorecards/exemptions/e1").then().statusCode(503);
        given().queryParam("limit", "1").get("/api/scorecards/audit").then().statusCode(200)
                .body("items.actor", contains("anonymous"))
                .body("items.operation", contains("DELETE /api/scorecards/exemptions/{id}"))
                .body("items.status", contains(503));
    }
}
