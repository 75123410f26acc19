package dev.scorecards.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scorecards.access.OidcProfile;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With OIDC on and reads needing a token, /mcp needs one too, and answers as the REST API does without one. */
@QuarkusTest
@TestProfile(OidcProfile.class)
class McpOidcTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";

    @TestHTTPResource("/")
    URL base;

    @Test
    void withoutAValidTokenTheEndpointAnswers401InTheEnvelope() {
        given().contentType("application/json").accept("application/json, text/event-stream").body(INITIALIZE)
                .post("/mcp").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error.name", equalTo("AuthenticationError"))
                .body("error.message", equalTo("The MCP endpoint needs an authenticated caller; send a bearer token"))
                .body("request.url", equalTo("/mcp")).body("response.statusCode", equalTo(401));
        given().auth().oauth2("not-a-token").contentType("application/json").body(INITIALIZE).post("/mcp").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("error.message", equalTo("The request's bearer token is not valid (expired, wrongly signed or for"
                        + " another issuer or audience)"));
        // the older SSE transport is refused for everyone (McpAccess), signed in or not
        given().get("/mcp/sse").then().statusCode(404).body("error.name", equalTo("NotFoundError"));
        McpSyncClient anonymous = McpTest.client(base, Map.of());
        assertThrows(RuntimeException.class, anonymous::initialize);
        anonymous.close();
    }

    @Test
    void aSignedInClientGetsTheTools() {
        String token = OidcWiremockTestResource.getAccessToken("alice", Set.of("user"));
        McpSyncClient client = McpTest.client(base, Map.of("Authorization", "Bearer " + token));
        try {
            client.initialize();
            assertEquals(McpTest.TOOLS, client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList());
            int total = given().auth().oauth2(token).get("/api/scorecards/capabilities").then().statusCode(200)
                    .extract().path("totalItems");
            assertEquals(total, McpTest.call(client, "list_capabilities", Map.of()).path("totalItems").asInt());
        } finally {
            client.closeGracefully();
        }
    }
}
