package dev.scorecards.badges;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import dev.scorecards.access.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Obfuscated mode with OIDC on: badges only by opaque id, ids only for authenticated callers, names
 * answer "unknown". The profile also loads a scorecard whose name is markup, to see it escaped end to end.
 */
@QuarkusTest
@TestProfile(BadgesObfuscatedTest.Obfuscated.class)
class BadgesObfuscatedTest {
    private static final String BADGES = "/api/scorecards/badges/";

    public static class Obfuscated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OidcProfile.oidcOn(Map.of("scorecards.badges.obfuscate", "true",
                    "scorecards.badges.cache-seconds", "600",
                    "scorecards.badges.level-colors.\"A&B\"", "blue",
                    "scorecards.public-url", "https://scorecards.example.com/",
                    "scorecards.definitions.dir", "src/test/resources/scorecards-badges"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return OidcProfile.provider(); // OIDC on, reads public
        }
    }

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        // registering the examples' location is an admin's write now that OIDC is on
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .setAuth(RestAssured.oauth2(token("ada", Set.of("scorecards-admin")))).build();
        try {
            Catalog.examples(dataSource);
        } finally {
            RestAssured.requestSpecification = null;
        }
    }

    private static String token(String user, Set<String> roles) {
        return OidcWiremockTestResource.getAccessToken(user, roles);
    }

    @Test
    void namesAnswerUnknownAndIdsNeedAnAuthenticatedCaller() {
        given().get(BADGES + "system/default/observability/adoption.json").then().statusCode(404)
                .body("message", equalTo("unknown")).body("color", equalTo("lightgrey"));
        String svg = given().get(BADGES + "system/default/observability/adoption.svg").then().statusCode(404)
                .contentType("image/svg+xml").extract().asString();
        assertTrue(svg.contains("<title>Adoption: unknown</title>"), svg);
        given().get(BADGES + "system/default/observability/id").then().statusCode(401)
                .body("error.name", equalTo("AuthenticationError"))
                .body("error.message", equalTo("GET /api/scorecards/badges/{kind}/{namespace}/{name}/id needs an"
                        + " authenticated caller; send a bearer token"));
        given().get(BADGES + "system/default/observability/markdown").then().statusCode(401)
                .body("error.name", equalTo("AuthenticationError"))
                .body("error.message", equalTo("In obfuscated mode the Markdown snippet, which carries the badge ids,"
                        + " is only given to an authenticated caller"));
    }

    @Test
    void anAuthenticatedCallerGetsTheIdAndTheMarkdownUsesIt() {
        // alice has no role of the service's: being authenticated is enough; the badges by id are anonymous
        String id = given().auth().oauth2(token("alice", Set.of("user"))).get(BADGES + "system/default/observability/id").then().statusCode(200).extract().path("id");
        assertEquals(Map.of("schemaVersion", 1, "label", "Relied on", "message", "Relied on", "color", "brightgreen",
                "cacheSeconds", 600), given().get(BADGES + "id/" + id + "/relied-on.json").then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        String svg = given().get(BADGES + "id/" + id + "/adoption.svg").then().statusCode(200).extract().asString();
        assertTrue(svg.contains("<title>Adoption: Gold</title>"), svg);
        String image = "https://scorecards.example.com/api/scorecards/badges/id/" + id + "/";
        String page = "(https://scorecards.example.com/capabilities/system/default/observability)\n";
        given().auth().oauth2(token("alice", Set.of("user"))).get(BADGES + "system/default/observability/markdown").then().statusCode(200)
                .body(equalTo("[![Relied on](" + image + "relied-on.svg)]" + page
                        + "[![Adoption](" + image + "adoption.svg)]" + page
                        + "[![Documentation](" + image + "documentation.svg)]" + page
                        + "[![Support readiness](" + image + "support-readiness.svg)]" + page
                        + "[![\\<script\\>\\&\"'](" + image + "escaping.svg)]" + page));
    }

    @Test
    void markupInNamesIsEscaped() {
        String id = given().auth().oauth2(token("alice", Set.of("user"))).get(BADGES + "system/default/secrets-vault/id").then().statusCode(200).extract().path("id");
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

    @Test
    void pagesDrawTheBadgesInlineWithTheirOwnIdsInsteadOfLinkingNameAddresses() {
        for (String path : List.of("/", "/capabilities/system/default/observability")) {
            Document d = Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
            Element row = path.equals("/") ? d.selectFirst("tr[data-ref=system:default/observability]") : d;
            assertTrue(d.select("img[src*=/badges/]").isEmpty(), path + ": no badge is linked by name");
            // every scorecard of the definitions but the ladder, with what the badge by id says
            assertEquals(List.of("Adoption: Gold", "Documentation: Gold", "Support readiness: Gold",
                    "<script>&\"': A&B"), row.select(".badges svg title").eachText(), path);
            assertEquals(List.of("Adoption: Gold", "Documentation: Gold", "Support readiness: Gold",
                    "<script>&\"': A&B"), row.select(".badges svg").eachAttr("aria-label"), path);
            assertTrue(d.select("script").isEmpty(), path);
            // several badges in one page: each gradient and clip path is its own, and each badge uses its own
            List<String> ids = d.select(".badges svg [id]").eachAttr("id");
            assertEquals(ids.size(), new HashSet<>(ids).size(), path + ": " + ids);
            for (Element svg : d.select(".badges svg")) {
                String clip = svg.selectFirst("clipPath").id();
                assertEquals("url(#" + clip + ")", svg.selectFirst("g[clip-path]").attr("clip-path"), path);
                assertEquals("url(#" + svg.selectFirst("linearGradient").id() + ")",
                        svg.select("rect[fill^=url]").attr("fill"), path);
            }
        }
        Document home = Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());
        assertEquals(29 * 4, home.select(".badges svg").size());
        // the secrets vault holds no level of documentation
        assertEquals(List.of("Adoption: Gold", "Documentation: none", "Support readiness: none", "<script>&\"': A&B"),
                home.select("tr[data-ref=system:default/secrets-vault] .badges svg title").eachText());
    }
}
