package dev.scorecards.badges;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** README badges of the example organisation's capabilities: what they say, how they are served, what they hide. */
@QuarkusTest
class BadgesTest {
    private static final String BADGES = "/api/scorecards/badges/";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    private static JsonPath json(String path, int status) {
        return given().get(BADGES + path + ".json").then().statusCode(status)
                .header("Cache-Control", "no-cache").extract().jsonPath();
    }

    private static Response svg(String path, int status) {
        return given().get(BADGES + path + ".svg").then().statusCode(status)
                .contentType("image/svg+xml").header("Cache-Control", "no-cache").extract().response();
    }

    @Test
    void everyBadgeSaysTheLevelTheScorecardsApiReports() {
        List<Map<String, Object>> cards = given().get("/api/scorecards/scorecards").then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (String capability : List.of("system/default/observability", "system/default/secrets-vault",
                "system/default/postgres-as-a-service", "api/default/secrets-api")) {
            JsonPath result = given().get("/api/scorecards/capabilities/" + capability).then().statusCode(200)
                    .extract().jsonPath();
            for (Map<String, Object> card : cards) {
                String id = (String) card.get("id");
                String level = result.getString("scorecards.find { it.id == '" + id + "' }.level");
                JsonPath badge = json(capability + "/" + id, 200);
                assertEquals(card.get("name"), badge.getString("label"), capability + " " + id);
                assertEquals(level == null ? "none" : level, badge.getString("message"), capability + " " + id);
                assertTrue(svg(capability + "/" + id, 200).asString().contains("<title>" + card.get("name") + ": "
                        + badge.getString("message") + "</title>"), capability + " " + id);
            }
        }
    }

    @Test
    void levelsAndColoursOfKnownCapabilities() {
        // the exemplary one is at the top of every ladder: brightgreen
        assertBadge("system/default/observability/relied-on", "Relied on", "Relied on", "brightgreen");
        assertBadge("system/default/observability/adoption", "Adoption", "Gold", "brightgreen");
        assertBadge("system/default/observability/support-readiness", "Support readiness", "Gold", "brightgreen");
        // the undocumented one: second rung of six (orange), no documentation level (red)
        assertBadge("system/default/secrets-vault/relied-on", "Relied on", "Integrated", "orange");
        assertBadge("system/default/secrets-vault/documentation", "Documentation", "none", "red");
        // the bypassed one: fourth rung of six, and adoption stops at Bronze (bypasses are a Silver check)
        assertBadge("system/default/postgres-as-a-service/relied-on", "Relied on", "Supported", "yellowgreen");
        assertBadge("system/default/postgres-as-a-service/adoption", "Adoption", "Bronze", "orange");
        // the test scorecard of src/test/resources/scorecards: nothing pushed, below its first level
        assertBadge("system/default/observability/ci", "Continuous integration", "none", "red");
        // the SVG paints the same colour (orange is #fe7d37) right of "Relied on" (51.47 px, so 52 + 12)
        assertTrue(svg("system/default/secrets-vault/relied-on", 200).asString()
                .contains("<rect x=\"64\" width=\"70\" height=\"20\" fill=\"#fe7d37\"/>"));
    }

    private static void assertBadge(String path, String label, String message, String color) {
        JsonPath badge = json(path, 200);
        assertEquals(Map.of("schemaVersion", 1, "label", label, "message", message, "color", color,
                "cacheSeconds", 300), badge.getMap("$"), path);
    }

    @Test
    void theJsonHasExactlyTheShieldsEndpointKeys() {
        String body = given().get(BADGES + "system/default/observability/adoption.json").then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertEquals("{\"schemaVersion\":1,\"label\":\"Adoption\",\"message\":\"Gold\",\"color\":\"brightgreen\","
                + "\"cacheSeconds\":300}", body);
    }

    @Test
    void anSvgDeclaresItsSizeAndTitle() {
        String body = svg("system/default/observability/adoption", 200).asString();
        // "Adoption" is 49.29 px and "Gold" 25.26 px in DejaVu Sans 11: 50 + 12 and 26 + 12
        assertTrue(body.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"20\""
                + " viewBox=\"0 0 100 20\" role=\"img\" aria-label=\"Adoption: Gold\"><title>Adoption: Gold</title>"), body);
        assertTrue(body.contains("<text x=\"31\" textLength=\"49.3\" y=\"14\" fill=\"#fff\">Adoption</text>"), body);
        // a longer label makes a wider badge: "Support readiness" is 100.25 px, so 101 + 12 + 38
        assertTrue(svg("system/default/observability/support-readiness", 200).asString()
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"151\" height=\"20\""));
    }

    @Test
    void stylesDifferInShape() {
        String flat = given().get(BADGES + "system/default/observability/adoption.svg?style=flat").then()
                .statusCode(200).extract().asString();
        String square = given().get(BADGES + "system/default/observability/adoption.svg?style=flat-square").then()
                .statusCode(200).extract().asString();
        String big = given().get(BADGES + "system/default/observability/adoption.svg?style=for-the-badge").then()
                .statusCode(200).extract().asString();
        assertEquals(flat, svg("system/default/observability/adoption", 200).asString(), "flat is the default");
        assertTrue(flat.contains(" rx=\"3\"") && flat.contains("linearGradient"));
        assertTrue(square.contains("height=\"20\"") && !square.contains(" rx=") && !square.contains("linearGradient"));
        assertTrue(big.contains("height=\"28\"") && !big.contains(" rx="), big);
        assertTrue(big.contains(">ADOPTION</text>") && big.contains("font-weight=\"bold\" y=\"18\" fill=\"#fff\">GOLD</text>"),
                big);
        given().get(BADGES + "system/default/observability/adoption.svg?style=plastic").then().statusCode(400)
                .contentType("application/json").body("error.name", equalTo("InputError"))
                .body("error.message", equalTo("Invalid style 'plastic': one of flat, flat-square, for-the-badge"));
    }

    @Test
    void aMatchingEtagGets304() {
        Response first = svg("system/default/observability/adoption", 200);
        String etag = first.header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        given().header("If-None-Match", etag).get(BADGES + "system/default/observability/adoption.svg").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", "no-cache").body(equalTo(""));
        given().header("If-None-Match", "\"other\", W/" + etag).get(BADGES + "system/default/observability/adoption.svg")
                .then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(BADGES + "system/default/observability/adoption.svg").then()
                .statusCode(200).header("ETag", etag);
        // another style, another body, another ETag; the JSON has its own
        String big = given().get(BADGES + "system/default/observability/adoption.svg?style=for-the-badge").then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(etag, big);
        String jsonTag = given().get(BADGES + "system/default/observability/adoption.json").then().statusCode(200)
                .extract().header("ETag");
        given().header("If-None-Match", jsonTag).get(BADGES + "system/default/observability/adoption.json").then()
                .statusCode(304);
    }

    @Test
    void theEtagChangesWhenTheLevelDoes() {
        String before = svg("system/default/observability/ci", 200).header("ETag");
        given().contentType("application/json").body("[{\"entityRef\": \"system:default/observability\","
                + " \"source\": \"ci\", \"facts\": {\"ci.passRate\": 0.5}}]").post("/api/scorecards/facts").then()
                .statusCode(200);
        assertEquals("Measured", json("system/default/observability/ci", 200).getString("message"));
        given().header("If-None-Match", before).get(BADGES + "system/default/observability/ci.svg").then()
                .statusCode(200).header("ETag", not(before));
    }

    @Test
    void unknownIsAGrey404() {
        for (String path : List.of("system/default/no-such-thing/adoption", "system/default/observability/no-such-card",
                "component/default/product-catalog-service/adoption", "group/default/observability/relied-on")) {
            assertEquals(404, given().get(BADGES + path + ".json").statusCode());
            Map<String, Object> badge = given().get(BADGES + path + ".json").then().statusCode(404)
                    .extract().jsonPath().getMap("$");
            assertEquals("unknown", badge.get("message"), path);
            assertEquals("lightgrey", badge.get("color"), path);
            assertEquals(List.of("schemaVersion", "label", "message", "color", "cacheSeconds"),
                    List.copyOf(badge.keySet()), path);
            String body = svg(path, 404).asString();
            assertTrue(body.contains(": unknown</title>") && body.contains("fill=\"#9f9f9f\""), body);
        }
        assertEquals("Adoption", json("system/default/no-such-thing/adoption", 404).getString("label"));
        assertEquals("scorecard", json("system/default/observability/no-such-card", 404).getString("label"));
        svg("id/not-an-id/adoption", 404);
    }

    @Test
    void theBadgeIdServesTheSameBadges() {
        String id = given().get(BADGES + "system/default/observability/id").then().statusCode(200)
                .body("id", matchesPattern("[A-Za-z0-9_-]{21}[AQgw]")).extract().path("id");
        assertTrue(BadgeIds.wellFormed(id), id);
        assertEquals(id, given().get(BADGES + "system/default/observability/id").then().statusCode(200)
                .extract().path("id"), "an id, once given, stays");
        assertNotEquals(id, given().get(BADGES + "system/default/secrets-vault/id").then().statusCode(200)
                .extract().path("id"));
        assertEquals(svg("system/default/observability/relied-on", 200).asString(),
                svg("id/" + id + "/relied-on", 200).asString());
        assertEquals(json("system/default/observability/relied-on", 200).getMap("$"),
                json("id/" + id + "/relied-on", 200).getMap("$"));
        given().get(BADGES + "component/default/product-catalog-service/id").then().statusCode(404)
                .body("error.name", equalTo("NotFoundError"));
        // strings that cannot be an id are unknown without a look-up; an id of the right shape that was never
        // given is unknown too, and stays so however often it is asked for
        for (String wrong : List.of(id.substring(1), id + "A", id.substring(0, 21) + "B", id.substring(0, 21) + ".",
                "AAAAAAAAAAAAAAAAAAAAAA")) {
            assertEquals(BadgeIds.wellFormed(wrong), wrong.equals("AAAAAAAAAAAAAAAAAAAAAA"), wrong);
            assertEquals("unknown", json("id/" + wrong + "/relied-on", 404).getString("message"), wrong);
            assertEquals("unknown", json("id/" + wrong + "/relied-on", 404).getString("message"), wrong);
        }
    }

    @Test
    void theMarkdownShowsEveryBadgeLinkingToThePage() {
        // without scorecards.public-url the links are relative: never built from the request's Host header
        String page = "(/capabilities/system/default/secrets-vault)";
        String image = "/api/scorecards/badges/system/default/secrets-vault/";
        given().header("Host", "evil.example:666").get(BADGES + "system/default/secrets-vault/markdown").then().statusCode(200)
                .contentType(containsString("text/markdown"))
                .body(equalTo("[![Relied on](" + image + "relied-on.svg)]" + page + "\n"
                        + "[![Adoption](" + image + "adoption.svg)]" + page + "\n"
                        + "[![Documentation](" + image + "documentation.svg)]" + page + "\n"
                        + "[![Support readiness](" + image + "support-readiness.svg)]" + page + "\n"
                        + "[![Continuous integration](" + image + "ci.svg)]" + page + "\n"));
        // cached like every badge answer: strong ETag, no-cache, 304 on a match
        String etag = given().get(BADGES + "system/default/secrets-vault/markdown").then().statusCode(200)
                .header("Cache-Control", "no-cache").header("ETag", matchesPattern("^\"[0-9a-f]{32}\"$"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(BADGES + "system/default/secrets-vault/markdown").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", "no-cache").body(equalTo(""));
        given().header("If-None-Match", "\"0123\"").get(BADGES + "system/default/secrets-vault/markdown").then()
                .statusCode(200).header("ETag", etag);
        assertNotEquals(etag, given().get(BADGES + "system/default/observability/markdown").then().statusCode(200)
                .extract().header("ETag"));
        given().get(BADGES + "system/default/no-such-thing/markdown").then().statusCode(404)
                .contentType("application/json").body("error.name", equalTo("NotFoundError"));
    }
}
