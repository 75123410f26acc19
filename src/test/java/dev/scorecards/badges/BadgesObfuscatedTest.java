package dev.scorecards.badges;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Obfuscated mode: badges only by opaque id, ids only for authenticated callers, names answer
 * "unknown". The profile also loads a scorecard whose name is markup, to see it escaped end to end.
 */
@QuarkusTest
@TestProfile(BadgesObfuscatedTest.Obfuscated.class)
class BadgesObfuscatedTest {
    private static final String BADGES = "/api/scorecards/badges/";

    public static class Obfuscated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scorecards.badges.obfuscate", "true",
                    "scorecards.badges.id-requires-authentication", "true",
                    "scorecards.badges.cache-seconds", "600",
                    "scorecards.badges.level-colors.\"A&B\"", "blue",
                    "scorecards.public-url", "https://scorecards.example.com/",
                    "scorecards.definitions.dir", "src/test/resources/scorecards-badges");
        }
    }

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    @Test
    void namesAnswerUnknownAndIdsNeedAnAuthenticatedCaller() {
        given().get(BADGES + "system/default/observability/adoption.json").then().statusCode(404)
                .body("message", equalTo("unknown")).body("color", equalTo("lightgrey"));
        String svg = given().get(BADGES + "system/default/observability/adoption.svg").then().statusCode(404)
                .contentType("image/svg+xml").extract().asString();
        assertTrue(svg.contains("<title>Adoption: unknown</title>"), svg);
        given().get(BADGES + "system/default/observability/id").then().statusCode(401)
                .body("error.name", equalTo("AuthenticationError"));
        given().get(BADGES + "system/default/observability/markdown").then().statusCode(401)
                .body("error.name", equalTo("AuthenticationError"));
    }

    @Test
    @TestSecurity(user = "alice")
    void anAuthenticatedCallerGetsTheIdAndTheMarkdownUsesIt() {
        String id = given().get(BADGES + "system/default/observability/id").then().statusCode(200).extract().path("id");
        assertEquals(Map.of("schemaVersion", 1, "label", "Relied on", "message", "Relied on", "color", "brightgreen",
                "cacheSeconds", 600), given().get(BADGES + "id/" + id + "/relied-on.json").then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        String svg = given().get(BADGES + "id/" + id + "/adoption.svg").then().statusCode(200).extract().asString();
        assertTrue(svg.contains("<title>Adoption: Gold</title>"), svg);
        String image = "https://scorecards.example.com/api/scorecards/badges/id/" + id + "/";
        String page = "(https://scorecards.example.com/capabilities/system/default/observability)\n";
        given().get(BADGES + "system/default/observability/markdown").then().statusCode(200)
                .body(equalTo("[![Relied on](" + image + "relied-on.svg)]" + page
                        + "[![Adoption](" + image + "adoption.svg)]" + page
                        + "[![Documentation](" + image + "documentation.svg)]" + page
                        + "[![Support readiness](" + image + "support-readiness.svg)]" + page
                        + "[![\\<script\\>\\&\"'](" + image + "escaping.svg)]" + page));
    }

    @Test
    @TestSecurity(user = "alice")
    void markupInNamesIsEscaped() {
        String id = given().get(BADGES + "system/default/secrets-vault/id").then().statusCode(200).extract().path("id");
        // a level colour configured by name: A&B is blue
        assertEquals(Map.of("schemaVersion", 1, "label", "<script>&\"'", "message", "A&B", "color", "blue",
                "cacheSeconds", 600), given().get(BADGES + "id/" + id + "/escaping.json").then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        String svg = given().get(BADGES + "id/" + id + "/escaping.svg?style=flat-square").then().statusCode(200)
                .extract().asString();
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("<title>&lt;script&gt;&amp;&quot;&apos;: A&amp;B</title>"), svg);
        assertTrue(svg.contains("aria-label=\"&lt;script&gt;&amp;&quot;&apos;: A&amp;B\""), svg);
        assertTrue(svg.contains(">A&amp;B</text>") && svg.contains("fill=\"#007ec6\""), svg);
    }
}
