package dev.scorecards.ingest.backstage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live Backstage pull against {@link BackstageStub}: the acme catalog it serves is the example
 * organisation exactly as this service's own catalog API returns it (uids, etags, relations and all).
 */
@QuarkusTest
class BackstagePullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_QUERY = "/acme/api/catalog/entities/by-query";
    private BackstageStub stub; // the test resource injects itself
    private static List<JsonNode> exported;

    @Inject
    DataSource dataSource;
    @Inject
    BackstagePull pulls;
    @Inject
    BackstageTokens tokens;
    @ConfigProperty(name = "scorecards.backstage.acme.base-url")
    String acmeUrl;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeEach
    void upstream() throws IOException {
        if (exported == null) {
            Catalog.examples(dataSource);
            exported = new ArrayList<>();
            JSON.readTree(given().get("/api/catalog/entities").then().statusCode(200).extract().asString())
                    .forEach(exported::add);
        }
        Catalog.wipe(dataSource);
        tokens.forget("acme");
        stub.reset(copies(exported), List.of(
                entity("Component", "small-a", "{\"type\":\"service\",\"lifecycle\":\"production\",\"owner\":\"small\"}"),
                entity("Domain", "small-d", "{\"owner\":\"small\"}"),
                entity("Component", "small-b", "{\"type\":\"library\",\"lifecycle\":\"experimental\",\"owner\":\"small\"}")));
    }

    @Test
    void aFullPullAppliesEveryPageAsTheSourceWithAClientCredentialsToken() throws IOException {
        assertEquals(126, exported.size());
        pull("acme").statusCode(200)
                .body("name", equalTo("acme")).body("source", equalTo("backstage:acme"))
                .body("baseUrl", equalTo(acmeUrl)).body("interval", equalTo("PT1H")).body("filter", nullValue())
                .body("lastRun.trigger", equalTo("manual")).body("lastRun.entities", equalTo(126))
                .body("lastRun.created", equalTo(126)).body("lastRun.updated", equalTo(0))
                .body("lastRun.unchanged", equalTo(0)).body("lastRun.removed", equalTo(0))
                .body("lastRun.conflicts", equalTo(0)).body("lastRun.error", nullValue())
                .body("lastRun.finished", notNullValue());
        status("acme").body("lastSuccess", equalTo(status("acme").extract().path("items.find { it.name == 'acme' }.lastRun.finished")));
        // the sources as CSV: the last pull's figures, and no run yet for the others
        String started = status("acme").extract().path("items.find { it.name == 'acme' }.lastRun.started");
        String finished = status("acme").extract().path("items.find { it.name == 'acme' }.lastRun.finished");
        String smallUrl = status("small").extract().path("items.find { it.name == 'small' }.baseUrl");
        String elsewhereUrl = status("elsewhere").extract().path("items.find { it.name == 'elsewhere' }.baseUrl");
        String slowUrl = status("slow").extract().path("items.find { it.name == 'slow' }.baseUrl");
        assertEquals("name,source,baseUrl,interval,filter,lastRun.trigger,lastRun.started,lastRun.finished,"
                + "lastRun.entities,lastRun.created,lastRun.updated,lastRun.unchanged,lastRun.removed,lastRun.conflicts,"
                + "lastRun.error,lastSuccess\r\n"
                + "acme,backstage:acme," + acmeUrl + ",PT1H,,manual," + started + "," + finished + ",126,126,0,0,0,0,,"
                + finished + "\r\n"
                + "elsewhere,backstage:elsewhere," + elsewhereUrl + ",,,,,,,,,,,,,\r\n"
                + "slow,backstage:slow," + slowUrl + ",,,,,,,,,,,,,\r\n"
                + "small,backstage:small," + smallUrl + ",PT10M,kind=component,,,,,,,,,,,\r\n",
                given().get("/api/catalog/backstage?format=csv").then().statusCode(200)
                        .header("Content-Disposition", equalTo("attachment; filename=\"backstage-sources.csv\""))
                        .extract().asString());

        // one token (form-encoded client credentials as HTTP Basic, the scope), then four pages of 40 with it
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("scorecards:s3cret%26%3D".getBytes());
        assertEquals(List.of(
                "POST /oauth/token " + basic + " grant_type=client_credentials&scope=catalog.read",
                "GET " + BY_QUERY + "?limit=40 Bearer tok-1",
                "GET " + BY_QUERY + "?limit=40&cursor=" + cursor(40) + " Bearer tok-1",
                "GET " + BY_QUERY + "?limit=40&cursor=" + cursor(80) + " Bearer tok-1",
                "GET " + BY_QUERY + "?limit=40&cursor=" + cursor(120) + " Bearer tok-1"), stub.requests());

        given().get("/api/catalog/entities").then().statusCode(200).body("$", hasSize(126));
        // an entity reads as it did in the catalog it came from, except the uid our catalog assigned;
        // its relations were derived here again from its spec
        JsonNode upstream = exported.stream()
                .filter(e -> e.path("metadata").path("name").asText().equals("observability")
                        && e.path("kind").asText().equals("System")).findFirst().orElseThrow();
        ObjectNode ours = (ObjectNode) JSON.readTree(given().get("/api/catalog/entities/by-name/system/default/observability")
                .then().statusCode(200).extract().asString());
        assertNotEquals(upstream.path("metadata").path("uid").asText(), ours.path("metadata").path("uid").asText());
        assertEquals(withoutUid(upstream), withoutUid(ours));

        // a second pull changes nothing and reuses the cached token
        pull("acme").statusCode(200).body("lastRun.entities", equalTo(126)).body("lastRun.unchanged", equalTo(126))
                .body("lastRun.created", equalTo(0)).body("lastRun.removed", equalTo(0));
        assertEquals(1, stub.tokensIssued());
    }

    @Test
    void aSecondPullRemovesWhatBackstageNoLongerListsAndUpdatesWhatChanged() {
        pull("acme").statusCode(200).body("lastRun.created", equalTo(126));
        removeUpstream("android-app");
        describeUpstream("observability", "Metrics, logs and traces, changed in Backstage.");

        pull("acme").statusCode(200).body("lastRun.entities", equalTo(125)).body("lastRun.created", equalTo(0))
                .body("lastRun.updated", equalTo(1)).body("lastRun.unchanged", equalTo(124))
                .body("lastRun.removed", equalTo(1)).body("lastRun.error", nullValue());
        given().get("/api/catalog/entities").then().body("$", hasSize(125));
        given().get("/api/catalog/entities/by-name/component/default/android-app").then().statusCode(404);
        given().get("/api/catalog/entities/by-name/system/default/observability").then()
                .body("metadata.description", equalTo("Metrics, logs and traces, changed in Backstage."));
        given().get("/api/catalog/entities/by-name/component/default/mobile-bff").then()
                .body("relations.findAll { it.type == 'dependencyOf' }.targetRef", contains("component:default/ios-app"));
    }

    @Test
    void aPullThatFailsAnywhereLeavesThePreviousStateExactlyAsItWas() {
        pull("acme").statusCode(200);
        String before = given().get("/api/catalog/entities").then().statusCode(200).extract().asString();
        String success = lastSuccess();
        removeUpstream("android-app");
        describeUpstream("observability", "Changed in Backstage.");

        stub.failPage(3);
        pull("acme").statusCode(502).body("error.name", equalTo("BadGatewayError"))
                .body("error.message", equalTo("Page 3 of Backstage source acme (GET " + BY_QUERY
                        + ") answered HTTP 500: Knex: Timeout acquiring a connection"));
        assertEquals(before, given().get("/api/catalog/entities").then().extract().asString());
        status("acme").body("lastRun.error", equalTo("Page 3 of Backstage source acme (GET " + BY_QUERY
                        + ") answered HTTP 500: Knex: Timeout acquiring a connection"))
                .body("lastRun.entities", nullValue()).body("lastRun.finished", notNullValue())
                .body("lastSuccess", equalTo(success));

        stub.failPage(0);
        stub.malformedPage(2);
        pull("acme").statusCode(502).body("error.message", org.hamcrest.Matchers.startsWith(
                "Page 2 of Backstage source acme (GET " + BY_QUERY + ") is not valid JSON: "));
        assertEquals(before, given().get("/api/catalog/entities").then().extract().asString());

        // an invalid entity on the last page refuses the whole pull, naming it
        stub.malformedPage(0);
        stub.catalog("acme").add(entity("Component", "Bad Name",
                "{\"type\":\"service\",\"lifecycle\":\"production\",\"owner\":\"x\"}"));
        pull("acme").statusCode(400).body("error.name", equalTo("InputError"))
                .body("error.documents", hasSize(1))
                .body("error.documents[0].index", equalTo(125))
                .body("error.documents[0].location", equalTo("page 4"))
                .body("error.documents[0].entityRef", equalTo("component:default/bad name"))
                .body("error.documents[0].field", equalTo("metadata.name"))
                .body("error.message", org.hamcrest.Matchers.startsWith("1 document of Backstage source acme is"
                        + " invalid; nothing was stored. Document 125 of page 4 (component:default/bad name),"
                        + " field metadata.name: "));
        assertEquals(before, given().get("/api/catalog/entities").then().extract().asString());

        // once Backstage is healthy again, the changes arrive
        stub.catalog("acme").remove(stub.catalog("acme").size() - 1);
        pull("acme").statusCode(200).body("lastRun.updated", equalTo(1)).body("lastRun.removed", equalTo(1))
                .body("lastRun.unchanged", equalTo(124)).body("lastRun.error", nullValue());
        assertNotEquals(success, lastSuccess());
    }

    @Test
    void aRefusedTokenIsFetchedAgainOnceAndATokenEndpointThatRefusesFailsThePull() {
        pull("acme").statusCode(200);
        String before = given().get("/api/catalog/entities").then().extract().asString();
        stub.revokeTokens();
        pull("acme").statusCode(200).body("lastRun.unchanged", equalTo(126));
        assertEquals(2, stub.tokensIssued());
        List<String> requests = stub.requests();
        assertEquals("GET " + BY_QUERY + "?limit=40 Bearer tok-1", requests.get(5));
        assertEquals("GET " + BY_QUERY + "?limit=40 Bearer tok-2", requests.get(7));

        stub.revokeTokens();
        stub.refuseClient();
        pull("acme").statusCode(502).body("error.message", equalTo("The token request of Backstage source acme to "
                + acmeUrl.replace("/acme/", "/oauth/token") + " answered HTTP 401 (invalid_client)"));
        assertEquals(before, given().get("/api/catalog/entities").then().extract().asString());
    }

    @Test
    void aStaticTokenAndAFilterAreSentAndTheDefaultPageSizeUsed() {
        pull("small").statusCode(200).body("filter", equalTo("kind=component")).body("interval", equalTo("PT10M"))
                .body("lastRun.entities", equalTo(2)).body("lastRun.created", equalTo(2));
        assertEquals(List.of("GET /small/api/catalog/entities/by-query?limit=500&filter=kind%3Dcomponent"
                + " Bearer static-token"), stub.requests());
        given().get("/api/catalog/entities?fields=kind,metadata.name").then()
                .body("metadata.name", contains("small-a", "small-b"));
    }

    @Test
    void sourcesWithoutABaseUrlAreOffAndUnknownOnesAreNotFound() {
        given().get("/api/catalog/backstage").then().statusCode(200)
                .body("items.name", contains("acme", "elsewhere", "slow", "small"))
                .body("items.interval", contains("PT1H", null, null, "PT10M"))
                .body("items.lastRun", contains(nullValue(), nullValue(), nullValue(), nullValue()));
        pull("dormant").statusCode(404).body("error.message", equalTo(
                "No Backstage source named 'dormant' is configured (scorecards.backstage.dormant.base-url)"));
        pull("nope").statusCode(404);
    }

    @Test
    void aBodyThatTricklesFailsThePullAtTheReadTimeoutAndChangesNothing() {
        pull("small").statusCode(200);
        String before = given().get("/api/catalog/entities").then().extract().asString();
        String message = "Page 1 of Backstage source slow (GET /slow/api/catalog/entities/by-query) failed:"
                + " no complete answer within PT2S (scorecards.backstage.slow.read-timeout)";
        pull("slow").statusCode(502).body("error.name", equalTo("BadGatewayError"))
                .body("error.message", equalTo(message));
        status("slow").body("lastRun.error", equalTo(message)).body("lastRun.entities", nullValue())
                .body("lastSuccess", nullValue());
        assertEquals(before, given().get("/api/catalog/entities").then().extract().asString());
        // the lock was let go: the next pull runs (and fails the same way) instead of answering 409
        pull("slow").statusCode(502).body("error.message", equalTo(message));
    }

    @Test
    void pullsAreCountedBySourceAndOutcomeAndTheLastSuccessIsAGauge() {
        double smallSucceeded = pulls("small", "succeeded");
        double smallFailed = pulls("small", "failed");
        double elsewhereSucceeded = pulls("elsewhere", "succeeded");
        double elsewhereFailed = pulls("elsewhere", "failed");
        pull("small").statusCode(200);
        pull("elsewhere").statusCode(502);
        pull("elsewhere").statusCode(502);
        assertEquals(smallSucceeded + 1, pulls("small", "succeeded"));
        assertEquals(smallFailed, pulls("small", "failed"));
        assertEquals(elsewhereSucceeded, pulls("elsewhere", "succeeded"));
        assertEquals(elsewhereFailed + 2, pulls("elsewhere", "failed"));
        String success = given().get("/api/catalog/backstage").then()
                .extract().path("items.find { it.name == 'small' }.lastSuccess");
        assertEquals((double) java.time.Instant.parse(success).getEpochSecond(), metric(
                "scorecards_backstage_last_success_seconds", "small", null));
        assertEquals(0.0, metric("scorecards_backstage_last_success_seconds", "elsewhere", null));
    }

    private static double pulls(String source, String outcome) {
        return metric("scorecards_backstage_pulls_total", source, outcome);
    }

    /** The one sample of {@code name} for {@code source} (and {@code outcome}, if given) at /q/metrics. */
    private static double metric(String name, String source, String outcome) {
        List<String> lines = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("source=\"" + source + "\"")
                        && (outcome == null || l.contains("outcome=\"" + outcome + "\"")))
                .toList();
        assertEquals(1, lines.size(), name + " " + source + " " + outcome + ": " + lines);
        String line = lines.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void aHostOutsideTheAllowListIsNeverAsked() {
        String url = "http://127.0.0.1:" + URI.create(acmeUrl).getPort() + "/small/api/catalog/entities/by-query?limit=500";
        String message = "Page 1 of Backstage source elsewhere (GET /small/api/catalog/entities/by-query): Url location "
                + url + " is on host 127.0.0.1, which is not in the allow-list (scorecards.locations.allowed-hosts)";
        pull("elsewhere").statusCode(502).body("error.message", equalTo(message));
        assertEquals(List.of(), stub.requests());
        status("elsewhere").body("lastRun.error", equalTo(message)).body("lastSuccess", nullValue());
        given().get("/api/catalog/entities").then().body("$", hasSize(0));
    }

    @Test
    void aScheduledPullRunsOnceAndSkipsASourceAnotherReplicaIsPulling() throws SQLException {
        try (Connection replica = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            assertEquals(true, lock(replica, "pg_try_advisory_lock"));
            pulls.pullDue();
            status("small").body("lastRun.trigger", equalTo("scheduled")).body("lastRun.entities", equalTo(2));
            status("acme").body("lastRun", nullValue());
            assertEquals(1, stub.requests().size());
            pull("acme").statusCode(409).body("error.name", equalTo("ConflictError"))
                    .body("error.message", equalTo("A pull of backstage:acme is already running"));
            assertEquals(true, lock(replica, "pg_advisory_unlock"));
        }
        pulls.pullDue();
        status("acme").body("lastRun.trigger", equalTo("scheduled")).body("lastRun.entities", equalTo(126));
        given().get("/api/catalog/entities").then().body("$", hasSize(128));
        int requests = stub.requests().size();
        assertEquals(1 + 5, requests); // small once; acme: a token and four pages

        // neither is due again within its interval, on this replica or any other
        pulls.pullDue();
        assertEquals(requests, stub.requests().size());
    }

    private static boolean lock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(hashtextextended('backstage:acme', 0))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static ValidatableResponse pull(String name) {
        return given().post("/api/catalog/backstage/" + name + "/pull").then();
    }

    private static ValidatableResponse status(String name) {
        return given().get("/api/catalog/backstage").then().statusCode(200).rootPath("items.find { it.name == '" + name + "' }");
    }

    private static String lastSuccess() {
        return given().get("/api/catalog/backstage").then().extract().path("items.find { it.name == 'acme' }.lastSuccess");
    }

    private void removeUpstream(String name) {
        assertEquals(true, stub.catalog("acme").removeIf(e -> e.path("metadata").path("name").asText().equals(name)));
    }

    /** Changes a System's description, as an edit in Backstage would (a new etag too). */
    private void describeUpstream(String name, String description) {
        for (JsonNode e : stub.catalog("acme")) {
            if (e.path("kind").asText().equals("System") && e.path("metadata").path("name").asText().equals(name)) {
                ((ObjectNode) e.get("metadata")).put("description", description).put("etag", "changed-upstream");
            }
        }
    }

    private static String cursor(int offset) {
        String json = "{\"offset\":" + offset + ",\"kinds\":[]}";
        return java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(json.getBytes()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode withoutUid(JsonNode entity) {
        ObjectNode copy = entity.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove("uid");
        return copy;
    }

    private static List<JsonNode> copies(List<JsonNode> entities) {
        return entities.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    }

    private static JsonNode entity(String kind, String name, String spec) {
        try {
            return JSON.readTree("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"" + kind + "\",\"metadata\":"
                    + "{\"name\":\"" + name + "\",\"namespace\":\"default\",\"uid\":\"" + java.util.UUID.randomUUID()
                    + "\",\"etag\":\"e\"},\"spec\":" + spec + ",\"relations\":[]}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
