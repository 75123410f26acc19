package dev.scorecards.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.access.Operations.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With OIDC on: every operation answers 401, 403 or its own answer according to its declared role. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcAccessTest {
    private static final Map<String, Set<String>> TOO_WEAK = Map.of(
            "scorecards-admin", Set.of("scorecards-writer"), "scorecards-writer", Set.of("user"));
    private static final Map<String, List<Set<String>>> ENOUGH = Map.of(
            "scorecards-admin", List.of(Set.of("scorecards-admin")),
            "scorecards-writer", List.of(Set.of("scorecards-writer"), Set.of("scorecards-admin")),
            "authenticated", List.of(Set.of("user")), "read", List.of(Set.of("user")), "anonymous", List.of(Set.of()));

    static String token(String user, Set<String> roles) {
        return OidcWiremockTestResource.getAccessToken(user, roles);
    }

    private static Response call(Operation op, String token) {
        RequestSpecification r = given().redirects().follow(false);
        if (token != null) {
            r = r.auth().oauth2(token);
        }
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            r = r.contentType("application/json").body("{}");
        }
        return r.request(op.method(), op.url());
    }

    @Test
    void everyWriteOperationDeclaresARoleAndIsRefusedOrAllowedByIt() {
        List<Operation> writes = Operations.all(Operations.WRITE_METHODS);
        assertTrue(writes.size() >= 13, "write operations in the contract: " + writes);
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (Operation op : writes) {
            if (op.role() == null || !ENOUGH.containsKey(op.role())) {
                problems.add(op.name() + " declares no known x-scorecards-role: " + op.role());
                continue;
            }
            String user = "matrix-" + n++;
            int anonymous = call(op, null).then().extract().statusCode();
            if (!op.role().equals("anonymous") && anonymous != 401) {
                problems.add(op.name() + " without a token: " + anonymous + ", expected 401");
            }
            Set<String> weak = TOO_WEAK.get(op.role());
            if (weak != null) {
                Response r = call(op, token(user, weak));
                if (r.statusCode() != 403 || !"NotAllowedError".equals(r.path("error.name"))) {
                    problems.add(op.name() + " with roles " + weak + ": " + r.statusCode() + ", expected 403");
                }
            }
            for (Set<String> roles : ENOUGH.get(op.role())) {
                int status = call(op, token(user, roles)).statusCode();
                if (status == 401 || status == 403 || status == 429 || status >= 500) {
                    problems.add(op.name() + " with roles " + roles + ": " + status);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aRefusalIsTheErrorEnvelope() {
        given().contentType("application/json").body("[]").post("/api/scorecards/facts").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.name", equalTo("AuthenticationError"))
                .body("error.message", equalTo("POST /api/scorecards/facts needs role scorecards-writer; send a bearer token"))
                .body("request.method", equalTo("POST")).body("request.url", equalTo("/api/scorecards/facts"))
                .body("response.statusCode", equalTo(401));
        given().auth().oauth2(token("walt", Set.of("user"))).contentType("application/json").body("[]")
                .post("/api/scorecards/facts").then().statusCode(403)
                .body("error.name", equalTo("NotAllowedError"))
                .body("error.message", equalTo("walt may not call POST /api/scorecards/facts: it needs role scorecards-writer"))
                .body("response.statusCode", equalTo(403));
        given().auth().oauth2("not-a-token").post("/api/scorecards/evaluate").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("error.name", equalTo("AuthenticationError"))
                .body("error.message", equalTo("The request's bearer token is not valid (expired, wrongly signed or for"
                        + " another issuer or audience)"));
    }

    @Test
    void aTokenIssuedForAnotherServiceIsRefusedByDefault() {
        // no quarkus.oidc.token.audience configured: the audience is the client id (https://server.example.com)
        String elsewhere = Jwt.preferredUserName("mallory").groups(Set.of("scorecards-admin"))
                .issuer("https://server.example.com").audience("https://other-service.example.com").jws().keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(elsewhere).post("/api/scorecards/evaluate").then().statusCode(401)
                .body("error.name", equalTo("AuthenticationError"))
                .body("error.message", equalTo("The request's bearer token is not valid (expired, wrongly signed or"
                        + " for another issuer or audience)"));
        String here = Jwt.preferredUserName("mallory").groups(Set.of("scorecards-admin"))
                .issuer("https://server.example.com").audience("https://server.example.com").jws().keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(here).post("/api/scorecards/evaluate").then().statusCode(200);
    }

    @Test
    void rolesComeFromTheConfiguredClaims() {
        // scorecards.auth.roles-claim=groups,app_metadata/roles: a role only in realm_access/roles does not count
        String nested = Jwt.preferredUserName("nina").claim("app_metadata", Map.of("roles", List.of("scorecards-admin")))
                .issuer("https://server.example.com").audience("https://server.example.com").jws().keyId("1")
                .sign("privateKey.jwk");
        String keycloak = Jwt.preferredUserName("kurt").claim("realm_access", Map.of("roles", List.of("scorecards-admin")))
                .issuer("https://server.example.com").audience("https://server.example.com").jws().keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(nested).post("/api/scorecards/evaluate").then().statusCode(200);
        given().auth().oauth2(keycloak).post("/api/scorecards/evaluate").then().statusCode(403)
                .body("error.message", equalTo("kurt may not call POST /api/scorecards/evaluate: it needs role"
                        + " scorecards-admin"));
    }

    @Test
    void readsNeedATokenButHealthAndAnonymousOperationsDoNot() {
        List<String> problems = new ArrayList<>();
        List<Operation> reads = Operations.all(Set.of("get"));
        for (Operation op : reads) {
            String role = op.role() == null ? "read" : op.role();
            int anonymous = call(op, null).statusCode();
            if (role.equals("anonymous") ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                problems.add(op.name() + " without a token: " + anonymous);
            }
            for (Set<String> roles : ENOUGH.get(role)) {
                int status = call(op, token("reader", roles)).statusCode();
                if (status == 401 || status == 403 || status >= 500) {
                    problems.add(op.name() + " with roles " + roles + ": " + status);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(reads.size() >= 28, "read operations: " + reads.size());
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/api/scorecards/capabilities").then().statusCode(401)
                .body("error.message", equalTo("GET /api/scorecards/capabilities needs an authenticated caller; send a"
                        + " bearer token"));
    }

    @Test
    void theAuditLogIsForAdminsAndNamesTheCaller() {
        String dora = token("dora", Set.of("scorecards-writer"));
        given().auth().oauth2(dora).contentType("application/json").body("[]").queryParam("note", "x")
                .post("/api/scorecards/facts").then().statusCode(200);
        given().auth().oauth2(dora).post("/api/scorecards/capabilities/API/Default/Pay/evaluate").then().statusCode(403);
        given().get("/api/scorecards/audit").then().statusCode(401);
        given().auth().oauth2(dora).get("/api/scorecards/audit").then().statusCode(403)
                .body("error.message", equalTo("dora may not call GET /api/scorecards/audit: it needs role"
                        + " scorecards-admin"));
        given().auth().oauth2(token("ada", Set.of("scorecards-admin"))).queryParam("actor", "dora")
                .get("/api/scorecards/audit").then().statusCode(200)
                .body("items.actor", contains("dora", "dora"))
                .body("items.method", contains("POST", "POST"))
                .body("items.path", contains("/api/scorecards/capabilities/API/Default/Pay/evaluate",
                        "/api/scorecards/facts"))
                .body("items.query", contains(null, "note=x"))
                .body("items.operation", contains("POST /api/scorecards/capabilities/{kind}/{namespace}/{name}/evaluate",
                        "POST /api/scorecards/facts"))
                .body("items.status", contains(403, 200))
                .body("items.target", contains("api:default/pay", null));
    }
}
