package dev.scorecards.mcp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.scorecards.Catalog;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP server at /mcp driven by a real MCP client (the Model Context Protocol's Java SDK over its
 * streamable HTTP transport): its tools answer what the REST API answers, and bad arguments are failed
 * tool calls.
 */
@QuarkusTest
class McpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TOOLS = List.of("bottleneck_teams", "explain_capability", "list_capabilities",
            "platform_review", "team_capabilities");

    @Inject
    DataSource dataSource;
    @TestHTTPResource("/")
    URL base;
    McpSyncClient client;

    static McpSyncClient client(URL base, Map<String, String> headers) {
        var transport = HttpClientStreamableHttpTransport.builder(base.toString().replaceAll("/$", ""))
                .endpoint("/mcp").httpRequestCustomizer((request, method, uri, body, context) ->
                        headers.forEach(request::header)).build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).jsonSchemaValidator(McpTest::validate)
                .clientInfo(new McpSchema.Implementation("scorecards-test", "1.0")).build();
    }

    /**
     * The client's check of structured content against a tool's output schema, with the JSON Schema library
     * the service already uses (the SDK's own validator needs its 2.x line, which the service's 1.5 line
     * shadows on the test class path).
     */
    static JsonSchemaValidator.ValidationResponse validate(Map<String, Object> schema, Object content) {
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.valueToTree(schema))
                .validate(JSON.valueToTree(content));
        return errors.isEmpty() ? JsonSchemaValidator.ValidationResponse.asValid(JSON.valueToTree(content).toString())
                : JsonSchemaValidator.ValidationResponse.asInvalid(errors.toString());
    }

    @BeforeEach
    void connect() {
        client = client(base, Map.of());
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertFalse(Boolean.TRUE.equals(r.isError()), () -> tool + " failed: " + r.content());
        try {
            JsonNode text = JSON.readTree(((McpSchema.TextContent) r.content().get(0)).text());
            assertEquals(text, JSON.valueToTree(r.structuredContent()), "the text and the structured content agree");
            return text;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Field {@code name} of each element of {@code array} (null where it is null). */
    static List<String> each(JsonNode array, String name) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.path(name).asText(null)));
        return out;
    }

    /** The text of a failed tool call. */
    private String failure(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertEquals(Boolean.TRUE, r.isError(), () -> tool + " " + arguments + " did not fail: " + r.content());
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void aClientListsTheToolsAndGetsWhatTheRestApiAnswers() {
        Catalog.examples(dataSource);
        McpSchema.InitializeResult init = client.initialize();
        assertEquals("capability-scorecards", init.serverInfo().name());
        assertTrue(init.capabilities().tools() != null, "the server offers tools");
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertEquals(TOOLS, tools.stream().map(McpSchema.Tool::name).sorted().toList());
        for (McpSchema.Tool t : tools) {
            assertEquals(Boolean.TRUE, t.annotations().readOnlyHint(), t.name() + " is read-only");
            assertEquals(Boolean.FALSE, t.annotations().destructiveHint(), t.name() + " destroys nothing");
        }
        assertEquals(List.of("ref"), tools.stream().filter(t -> t.name().equals("explain_capability")).findFirst()
                .orElseThrow().inputSchema().get("required"));

        // explain_capability: the level of observability in the example organisation, as the REST API says
        JsonNode explained = call(client, "explain_capability", Map.of("ref", "system:default/observability"));
        JsonPath rest = given().get("/api/scorecards/capabilities/system/default/observability").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Relied on", rest.getString("level"));
        assertEquals(rest.getString("level"), explained.path("level").asText());
        assertEquals("system:default/observability", explained.path("entityRef").asText());
        assertEquals("Relied on", explained.path("ladder").asText());
        assertEquals(rest.getString("scorecards.find { it.id == 'relied-on' }.nextLevel"),
                explained.path("nextLevel").asText(null));
        assertEquals(rest.getList("scorecards.find { it.id == 'relied-on' }.nextSteps.checkId"),
                each(explained.path("nextSteps"), "check"));
        assertEquals(rest.getList("scorecards.id"), each(explained.path("scorecards"), "id"));
        assertEquals("system:default/observability is at Relied on, rung 6 of 6 of the Relied on ladder: every"
                + " applicable check of Relied on and the rungs below passes or is exempt. It holds the top rung.",
                explained.path("explanation").asText());
        // a kind and namespace written in capitals are the same capability, as in the REST API
        assertEquals("Relied on", call(client, "explain_capability", Map.of("ref", "System:Default/Observability"))
                .path("level").asText());

        // why teams go around a capability: the bypass reasons and open questions of the REST answer
        JsonNode bypassed = call(client, "explain_capability", Map.of("ref", "system:default/postgres-as-a-service"));
        JsonNode bypassedRest = json(given().get("/api/scorecards/capabilities/system/default/postgres-as-a-service")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of("group:default/growth", "group:default/payments"),
                JSON.convertValue(bypassed.path("adoption").path("bypassingTeams"), List.class));
        assertEquals(bypassedRest.path("bypassReasons"), bypassed.path("bypassReasons"));
        assertEquals(2, bypassed.path("bypassReasons").path("open").size()
                + bypassed.path("bypassReasons").path("answers").size());

        // list_capabilities: the same page and count as GET /api/scorecards/capabilities with the same filters
        JsonPath page1 = given().get("/api/scorecards/capabilities?kind=system&sort=-consumers&limit=3").then()
                .statusCode(200).extract().jsonPath();
        JsonNode listed = call(client, "list_capabilities", Map.of("kind", "system", "sort", "-consumers", "limit", 3));
        assertEquals(14, listed.path("totalItems").asInt());
        assertEquals(page1.getInt("totalItems"), listed.path("totalItems").asInt());
        assertEquals(page1.getList("items.entityRef"), each(listed.path("items"), "entityRef"));
        assertEquals(page1.getList("items.level"), each(listed.path("items"), "level"));
        JsonNode next = call(client, "list_capabilities", Map.of("cursor", listed.path("nextCursor").asText()));
        JsonPath page2 = given().queryParam("cursor", page1.getString("pageInfo.nextCursor"))
                .get("/api/scorecards/capabilities?limit=3").then().statusCode(200).extract().jsonPath();
        assertEquals(page2.getList("items.entityRef").subList(0, 3), each(next.path("items"), "entityRef")
                .subList(0, 3));
        JsonNode top = call(client, "list_capabilities", Map.of("level", "relied on", "owner", "observability"));
        assertEquals(given().queryParam("level", "relied on").queryParam("owner", "observability")
                .get("/api/scorecards/capabilities").then().extract().jsonPath().getList("items.entityRef"),
                each(top.path("items"), "entityRef"));
        assertTrue(each(top.path("items"), "entityRef").contains("system:default/observability"));

        // a capability below the top rung: its next steps are the ladder's next steps of the REST answer
        String low = given().get("/api/scorecards/capabilities?sort=level&limit=1").then().extract().path("items[0].entityRef");
        JsonPath lowRest = given().get("/api/scorecards/capabilities/" + low.replaceFirst(":", "/")).then().statusCode(200)
                .extract().jsonPath();
        JsonNode lowExplained = call(client, "explain_capability", Map.of("ref", low));
        assertEquals(lowRest.getString("level"), lowExplained.path("level").asText(null));
        List<String> steps = lowRest.getList("scorecards.find { it.id == 'relied-on' }.nextSteps.checkId");
        assertFalse(steps.isEmpty(), low + " has next steps");
        assertEquals(steps, each(lowExplained.path("nextSteps"), "check"));
        assertEquals(lowRest.getList("scorecards.find { it.id == 'relied-on' }.nextSteps.remediation"),
                each(lowExplained.path("nextSteps"), "remediation"));
        assertTrue(lowExplained.path("explanation").asText().contains(" To reach "
                + lowRest.getString("scorecards.find { it.id == 'relied-on' }.nextLevel") + ": "),
                lowExplained.path("explanation").asText());

        // team_capabilities: what the team produces and consumes, as GET /api/scorecards/teams/{ns}/{name}
        JsonNode team = call(client, "team_capabilities", Map.of("team", "payments"));
        JsonPath restTeam = given().get("/api/scorecards/teams/default/payments").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("group:default/payments", team.path("teamRef").asText());
        assertEquals(restTeam.getList("produces.entityRef"), each(team.path("produces"), "entityRef"));
        assertEquals(restTeam.getList("consumes.entityRef"), each(team.path("consumes"), "entityRef"));
        assertFalse(team.path("consumes").isEmpty(), "payments consumes platform capabilities");
    }

    @Test
    void theReviewOfAPeriodIsTheOneTheRestApiServes() {
        Catalog.wipe(dataSource);
        Catalog.ingest("one", "full", group("p") + api("p-api", "p") + group("c")
                + component("c-svc", "c", "consumesApis: [p-api]")).statusCode(200);
        JsonNode rest = json(given().accept("application/json").get("/api/scorecards/reviews/org?period=quarter&at=2026-11-30")
                .then().statusCode(200).extract().asString());
        assertEquals(rest, call(client, "platform_review", Map.of("period", "quarter", "at", "2026-11-30")));
        JsonNode team = json(given().accept("application/json").get("/api/scorecards/reviews/teams/default/p?period=week")
                .then().statusCode(200).extract().asString());
        assertEquals(team, call(client, "platform_review", Map.of("period", "week", "team", "p")));
        assertEquals(rest.path("period"), call(client, "platform_review", Map.of("period", "quarter", "at", "2026-10-01"))
                .path("period"));
        assertEquals(given().accept("application/json").get("/api/scorecards/reviews/org?period=fortnight").then()
                .statusCode(400).extract().jsonPath().getString("error.message"),
                failure("platform_review", Map.of("period", "fortnight")));
    }

    @Test
    void bottleneckTeamsAreTheGraphsBottlenecks() {
        Catalog.wipe(dataSource);
        StringBuilder org = new StringBuilder(group("e") + api("e-api", "e")
                + component("e-svc", "e", "consumesApis: [a1-api, a2-api, a3-api, a4-api]"));
        for (int i = 1; i <= 4; i++) {
            org.append(group("a" + i)).append(api("a" + i + "-api", "a" + i));
            org.append(group("b" + i)).append(component("b" + i + "-svc", "b" + i, "consumesApis: [e-api]"));
        }
        Catalog.ingest("star", "full", org.toString()).statusCode(200);
        JsonNode answer = call(client, "bottleneck_teams", Map.of());
        assertEquals(0.5, answer.path("bottleneckShare").asDouble());
        assertEquals(9, answer.path("teamCount").asInt());
        assertEquals(1, answer.path("bottlenecks").size());
        JsonNode e = answer.path("bottlenecks").get(0);
        assertEquals("group:default/e", e.path("ref").asText());
        assertEquals(16.0, e.path("betweenness").asDouble());
        assertEquals(1.0, e.path("share").asDouble());
        assertEquals(4, e.path("fanIn").asInt());
        assertEquals(4, e.path("fanOut").asInt());
        assertEquals(given().get("/api/scorecards/summary").then().extract().jsonPath().getList("bottlenecks"),
                each(answer.path("bottlenecks"), "ref"));
    }

    @Test
    void theExamplesEnablementTeamIsItsBottleneck() {
        Catalog.examples(dataSource);
        JsonNode answer = call(client, "bottleneck_teams", Map.of());
        assertEquals(List.of("group:default/platform-enablement"), each(answer.path("bottlenecks"), "ref"));
        assertEquals(0.6042, answer.path("bottlenecks").get(0).path("share").asDouble());
    }

    @Test
    void theOlderSseTransportIsNotServed() {
        // quarkus-mcp-server-http 1.13.0 always serves HTTP/SSE (2024-11-05) beside streamable HTTP; it is refused
        for (String path : List.of("/mcp/sse", "/mcp/messages/abc")) {
            given().accept("text/event-stream").get(path).then().statusCode(404).contentType("application/json")
                    .body("error.name", org.hamcrest.Matchers.equalTo("NotFoundError"))
                    .body("error.message", org.hamcrest.Matchers.equalTo("No route for GET " + path
                            + "; the MCP server speaks streamable HTTP only, at /mcp"))
                    .body("request.url", org.hamcrest.Matchers.equalTo(path))
                    .body("response.statusCode", org.hamcrest.Matchers.equalTo(404));
        }
        given().contentType("application/json").body("{}").post("/mcp/messages/abc").then().statusCode(404);
        // streamable HTTP still answers
        assertEquals("capability-scorecards", client.initialize().serverInfo().name());
    }

    @Test
    void badArgumentsAreFailedToolCallsNotServerErrors() {
        Catalog.wipe(dataSource);
        Catalog.ingest("one", "full", group("p") + api("p-api", "p")).statusCode(200);
        assertEquals("Invalid entity ref 'p-api' in argument ref: Entity reference \"p-api\" had missing or empty kind"
                + " (e.g. did not start with \"component:\" or similar)", failure("explain_capability", Map.of("ref", "p-api")));
        assertEquals("Invalid entity ref 'api:/p-api' in argument ref: Entity reference \"api:/p-api\" was not on the"
                + " form [<kind>:][<namespace>/]<name>", failure("explain_capability", Map.of("ref", "api:/p-api")));
        assertEquals("No capability api:default/nope", failure("explain_capability", Map.of("ref", "api:default/nope")));
        assertEquals("Argument ref is required, e.g. system:default/observability",
                failure("explain_capability", Map.of("ref", " ")));
        assertEquals("Unknown level 'platinum': one of [Shipped, Integrated, Documented, Supported, Adopted, Relied on]"
                + " or none", failure("list_capabilities", Map.of("level", "platinum")));
        assertEquals("Invalid sort 'size': one of [adoption, consumers, level, name, percentage], with - in front for"
                + " descending", failure("list_capabilities", Map.of("sort", "size")));
        assertEquals("Unknown scorecard 'nope'", failure("list_capabilities", Map.of("scorecard", "nope")));
        assertEquals("Invalid limit 0: at least 1", failure("list_capabilities", Map.of("limit", 0)));
        assertEquals("Malformed cursor", failure("list_capabilities", Map.of("cursor", "%%%")));
        assertEquals("No team group:default/nobody", failure("team_capabilities", Map.of("team", "nobody")));
        // arguments the input schema refuses (missing, of the wrong type) are failed tool calls too
        assertTrue(failure("explain_capability", Map.of()).contains("ref"));
        assertTrue(failure("list_capabilities", Map.of("limit", "many")).contains("limit"));
        // the list still answers afterwards, and a known capability is explained
        assertEquals(1, call(client, "list_capabilities", Map.of()).path("totalItems").asInt());
        assertEquals("api:default/p-api", call(client, "explain_capability", Map.of("ref", "api:default/p-api"))
                .path("entityRef").asText());
    }

    static String group(String name) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: " + name + "}\n"
                + "spec: {type: team, children: []}\n";
    }

    static String api(String name, String owner) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: " + name + "}\n"
                + "spec: {type: grpc, lifecycle: production, owner: " + owner + ", definition: 'service S { rpc A (B)"
                + " returns (C); }'}\n";
    }

    static String component(String name, String owner, String spec) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\n"
                + "spec: {type: service, lifecycle: production, owner: " + owner + ", " + spec + "}\n";
    }
}
