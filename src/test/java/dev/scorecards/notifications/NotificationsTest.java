package dev.scorecards.notifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications end to end through real HTTP receivers: an ingestion that drops a level is delivered,
 * signed, within 5 seconds; a failing receiver gets the delivery on a later attempt; Slack and
 * Backstage targets get their own bodies; deliveries can be sent again.
 */
@QuarkusTest
class NotificationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REF = "system:default/payments";

    @Inject
    DataSource dataSource;

    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        Catalog.wipe(dataSource);
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** The payments System, owned by an existing group; without its description it drops from Documentation Bronze. */
    static String catalog(boolean described) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: pay
                spec:
                  type: team
                  children: []
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata:
                  name: payments
                  title: Payments
                %s
                spec:
                  owner: group:default/pay
                """.formatted(described ? "  description: Takes card payments for every shop." : "");
    }

    private static String subscribe(String body) {
        return given().contentType("application/json").body(body).post("/api/scorecards/webhooks").then()
                .statusCode(201).extract().path("id");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static boolean documentation(Receiver.Got g) {
        return g.text().contains("\"scorecard\":\"documentation\"");
    }

    @Test
    void aLevelDropCausedByAnIngestionIsDeliveredSignedWithinFiveSeconds() throws Exception {
        Catalog.ingest("pay", "full", catalog(true)).statusCode(200);
        String id = subscribe("{\"url\": \"" + receiver.base() + "/hook\", \"events\": [\"level-changed\"],"
                + " \"secret\": \"s3cret\", \"selection\": {\"capabilities\": [\"" + REF + "\"]}}");
        Instant before = Instant.now();
        Catalog.ingest("pay", "full", catalog(false)).statusCode(200);
        Receiver.Got got = receiver.await("/hook", NotificationsTest::documentation, Duration.ofSeconds(5));
        assertNotNull(got, "no level-changed delivery within 5 seconds");
        assertTrue(Duration.between(before, got.at()).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals("level-changed", got.header("X-Scorecards-Event"));
        assertEquals(hmac("s3cret", got.body()), got.header("X-Scorecards-Signature-256"));
        assertEquals("application/json", got.header("Content-Type"));
        JsonNode event = JSON.readTree(got.body());
        assertEquals("level-changed", event.path("event").asText());
        assertEquals(REF, event.path("capability").path("entityRef").asText());
        assertEquals("Payments", event.path("capability").path("title").asText());
        assertEquals("group:default/pay", event.path("capability").path("owner").asText());
        assertEquals("Bronze", event.path("from").asText());
        assertTrue(event.path("to").isNull());
        assertEquals("down", event.path("direction").asText());
        String delivery = got.header("X-Scorecards-Delivery");
        JsonPath log = given().get("/api/scorecards/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("delivered", log.getString("items.find { it.id == '" + delivery + "' }.status"));
        assertEquals(1, log.getInt("items.find { it.id == '" + delivery + "' }.attempts"));
        assertEquals(200, log.getInt("items.find { it.id == '" + delivery + "' }.lastStatusCode"));
        assertEquals("documentation", log.getString("items.find { it.id == '" + delivery + "' }.payload.scorecard"));
        // every delivery of this subscription came once, with its own id
        List<String> ids = receiver.received("/hook").stream().map(g -> g.header("X-Scorecards-Delivery")).toList();
        assertEquals(ids.size(), ids.stream().distinct().count());
        assertEquals(ids.size(), log.getList("items").size());
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheDeliveryOnTheFourthAttempt() throws Exception {
        Catalog.ingest("pay", "full", catalog(false)).statusCode(200);
        receiver.answer("/flaky", 500, 500, 500);
        String id = subscribe("{\"url\": \"" + receiver.base() + "/flaky\", \"events\": [\"level-changed\"],"
                + " \"secret\": \"k\"}");
        Catalog.ingest("pay", "full", catalog(true)).statusCode(200);
        assertNotNull(receiver.await("/flaky", g -> receiver.received("/flaky").size() >= 4, Duration.ofSeconds(10)));
        List<Receiver.Got> got = receiver.received("/flaky");
        String first = got.get(0).header("X-Scorecards-Delivery");
        List<Receiver.Got> attempts = got.stream().filter(g -> g.header("X-Scorecards-Delivery").equals(first)).toList();
        assertEquals(4, attempts.size(), "the first delivery's attempts");
        for (Receiver.Got a : attempts) {
            assertEquals(attempts.get(0).text(), a.text(), "every attempt sends the same body");
            assertEquals(hmac("k", a.body()), a.header("X-Scorecards-Signature-256"));
        }
        // backoff: each wait at least the configured one (100 ms, doubling)
        assertTrue(Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis() >= 100);
        assertTrue(Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis() >= 200);
        JsonPath log = given().get("/api/scorecards/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
        String item = "items.find { it.id == '" + first + "' }";
        assertEquals("delivered", log.getString(item + ".status"));
        assertEquals(4, log.getInt(item + ".attempts"));
        assertEquals(200, log.getInt(item + ".lastStatusCode"));
        // later deliveries of the same subscription waited for it: none reached the receiver before its success
        for (Receiver.Got g : got) {
            if (!g.header("X-Scorecards-Delivery").equals(first)) {
                assertTrue(!g.at().isBefore(attempts.get(3).at()), "a later delivery overtook the first one");
            }
        }
    }

    @Test
    void slackAndBackstageTargetsGetTheirOwnBodies() throws Exception {
        Catalog.ingest("pay", "full", catalog(true)).statusCode(200);
        subscribe("{\"url\": \"" + receiver.base() + "/slack\", \"type\": \"slack\", \"events\": [\"level-changed\"],"
                + " \"selection\": {\"owner\": \"pay\"}}");
        subscribe("{\"url\": \"" + receiver.base() + "\", \"type\": \"backstage\", \"token\": \"tok\","
                + " \"events\": [\"level-changed\"], \"selection\": {\"owner\": [\"group:default/pay\"]}}");
        Catalog.ingest("pay", "full", catalog(false)).statusCode(200);
        Receiver.Got slack = receiver.await("/slack", g -> g.text().contains("documentation"), Duration.ofSeconds(5));
        assertNotNull(slack);
        assertEquals("{\"text\":\"Payments: documentation went down from Bronze to none\"}", slack.text());
        Receiver.Got bell = receiver.await("/api/notifications/notifications", g -> g.text().contains("documentation"),
                Duration.ofSeconds(5));
        assertNotNull(bell);
        assertEquals("Bearer tok", bell.header("Authorization"));
        assertEquals("{\"recipients\":{\"type\":\"entity\",\"entityRef\":\"group:default/pay\"},\"payload\":{\"title\":"
                + "\"Payments: documentation went down from Bronze to none\",\"description\":\"" + REF
                + ", owned by group:default/pay\",\"link\":\"/catalog/default/system/payments\",\"severity\":\"high\","
                + "\"topic\":\"scorecards:level-changed\"}}", bell.text());
    }

    @Test
    void aDeliveryCanBeSentAgainWithItsId() throws Exception {
        Catalog.ingest("pay", "full", catalog(true)).statusCode(200);
        String id = subscribe("{\"url\": \"" + receiver.base() + "/again\", \"events\": [\"check-regressed\"],"
                + " \"secret\": \"k\", \"selection\": {\"owner\": \"pay\"}}");
        Catalog.ingest("pay", "full", catalog(false)).statusCode(200);
        Receiver.Got got = receiver.await("/again", g -> g.text().contains("documentation.has-description"),
                Duration.ofSeconds(5));
        assertNotNull(got);
        String delivery = got.header("X-Scorecards-Delivery");
        JsonNode event = JSON.readTree(got.body());
        assertEquals("PASS", event.path("from").asText());
        assertEquals("FAIL", event.path("to").asText());
        assertEquals("hasDescription = false", event.path("reason").asText());
        given().post("/api/scorecards/webhooks/" + id + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                .body("status", equalTo("pending")).body("id", equalTo(delivery));
        assertNotNull(receiver.await("/again", g -> g != got && g.header("X-Scorecards-Delivery").equals(delivery)
                && g.at().isAfter(got.at()), Duration.ofSeconds(5)), "the redelivery");
        given().post("/api/scorecards/webhooks/" + id + "/deliveries/" + java.util.UUID.randomUUID() + "/redeliver")
                .then().statusCode(404);
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        given().contentType("application/json").body("{\"url\": \"http://example.com/hook\", \"events\":"
                + " [\"level-changed\"], \"secret\": \"k\"}").post("/api/scorecards/webhooks").then().statusCode(400)
                .body("error.message", equalTo("Invalid url 'http://example.com/hook': host example.com is not in the"
                        + " allow-list (scorecards.locations.allowed-hosts)"));
        given().contentType("application/json").body("{\"url\": \"" + receiver.base() + "\", \"events\": [\"nope\"],"
                + " \"secret\": \"k\"}").post("/api/scorecards/webhooks").then().statusCode(400)
                .body("error.message", equalTo("Unknown event \"nope\" in events: one of [level-changed, check-regressed,"
                        + " first-adopter, bypass-detected, satisfaction-dropped, campaign-due-soon, campaign-missed,"
                        + " campaign-completed]"));
        given().contentType("application/json").body("{\"url\": \"" + receiver.base() + "\", \"events\":"
                + " [\"level-changed\"]}").post("/api/scorecards/webhooks").then().statusCode(400)
                .body("error.message", equalTo("Malformed request: secret is required for a webhook (it signs every"
                        + " delivery)"));
        given().contentType("application/json").body("{\"url\": \"" + receiver.base() + "\", \"events\":"
                + " [\"level-changed\"], \"secret\": \"a\\u0000b\"}").post("/api/scorecards/webhooks").then()
                .statusCode(400);
        given().get("/api/scorecards/webhooks/not-a-uuid").then().statusCode(404);
        String id = subscribe("{\"url\": \"" + receiver.base() + "/x\", \"events\": [\"first-adopter\"], \"secret\": \"k\"}");
        given().get("/api/scorecards/webhooks/" + id + "/deliveries?limit=0").then().statusCode(400);
        given().get("/api/scorecards/webhooks").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id))
                .body("items[0].secretSet", equalTo(true)).body("items[0].selection.size()", equalTo(0));
        given().delete("/api/scorecards/webhooks/" + id).then().statusCode(204);
        given().get("/api/scorecards/webhooks/" + id).then().statusCode(404);
    }
}
