package dev.scorecards.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web pages show the example organisation as the JSON API does, escape what entities say, and link up. */
@QuarkusTest
class WebPagesTest {
    @Inject
    DataSource dataSource;
    @Inject
    TeamGraph teamGraph;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    private static Document page(String path, int status) {
        Response r = given().urlEncodingEnabled(false).get(path);
        assertEquals(status, r.statusCode(), path + ": " + r.asString());
        assertEquals("text/html;charset=UTF-8", r.contentType().replace(" ", ""));
        assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"));
        return Jsoup.parse(r.asString());
    }

    private static List<String> texts(Document d, String selector) {
        return d.select(selector).stream().map(Element::text).toList();
    }

    @Test
    void homeShowsTheSummaryAndEveryCapabilityWithLevelAndBadges() {
        Document d = page("/", 200);
        assertEquals("Capabilities · Capability Scorecards", d.title());
        assertEquals("width=device-width, initial-scale=1", d.selectFirst("meta[name=viewport]").attr("content"));
        assertEquals("29", d.getElementById("capability-count").text());
        Map<String, String> levels = new LinkedHashMap<>();
        d.select("[data-level]").forEach(e -> levels.put(e.attr("data-level"), e.text()));
        assertEquals(Map.of("Shipped", "2", "Integrated", "23", "Documented", "1", "Supported", "1", "Adopted", "0",
                "Relied on", "2", "none", "0"), levels);
        assertEquals(List.of("Shipped", "Integrated", "Documented", "Supported", "Adopted", "Relied on", "none"),
                new ArrayList<>(levels.keySet()));
        // the same figures as the JSON summary
        JsonPath summary = given().get("/api/scorecards/summary").then().statusCode(200).extract().jsonPath();
        levels.forEach((level, n) -> assertEquals(summary.getLong("levels.'" + level + "'"), Long.parseLong(n)));
        assertEquals("2 on 1 capability · bypass ratio 2%", d.getElementById("bypasses").text());
        assertEquals(2, summary.getInt("bypasses.count"));
        assertEquals(1, summary.getInt("bypasses.capabilities"));
        assertEquals(2, Math.round(summary.getDouble("bypasses.ratio") * 100));
        assertEquals("no ratings yet", d.getElementById("satisfaction").text());
        // the example's enablement team is its bottleneck, linked to the graph
        assertEquals(List.of("Platform Enablement"), d.select("a.bottleneck").eachText());
        assertEquals(List.of("/teams/graph#group:default/platform-enablement"), d.select("a.bottleneck").eachAttr("href"));

        assertEquals("Showing 1–29 of 29", d.getElementById("showing").text());
        List<String> refs = d.select("tr[data-ref]").eachAttr("data-ref");
        List<String> api = given().get("/api/scorecards/capabilities?limit=500").then().statusCode(200).extract()
                .jsonPath().getList("items.entityRef");
        assertEquals(api, refs);
        Element observability = d.selectFirst("tr[data-ref=system:default/observability]");
        assertEquals("Observability", observability.selectFirst("a.cap").text());
        assertEquals("/capabilities/system/default/observability", observability.selectFirst("a.cap").attr("href"));
        assertEquals("Relied on", observability.selectFirst(".lvl").text());
        assertEquals(List.of("/api/scorecards/badges/system/default/observability/adoption.svg",
                "/api/scorecards/badges/system/default/observability/documentation.svg",
                "/api/scorecards/badges/system/default/observability/support-readiness.svg",
                "/api/scorecards/badges/system/default/observability/ci.svg"),
                observability.select("img").eachAttr("src"));
        // every scorecard of the definitions but the ladder: the tests' definitions add "ci"
        assertEquals(List.of("Adoption: Gold", "Documentation: Gold", "Support readiness: Gold",
                "Continuous integration: none"),
                observability.select("img").eachAttr("alt"));
        assertTrue(d.select("img[width], img[height]").isEmpty(), "badges keep their own size");
        assertEquals("18 (9 teams, 75% adoption)", observability.selectFirst("td[data-label=Consumers]").text());
        assertEquals("Integrated", d.selectFirst("tr[data-ref=system:default/secrets-vault] .lvl").text());
        assertEquals("Shipped", d.selectFirst("tr[data-ref=system:default/message-bus] .lvl").text());
        assertEquals(List.of("Adoption: Gold", "Documentation: none", "Support readiness: none",
                "Continuous integration: none"),
                d.select("tr[data-ref=system:default/secrets-vault] img").eachAttr("alt"));
        assertEquals(29, d.select("svg.spark polyline").size(), "every capability has a trend");
        assertNull(d.getElementById("next"));
    }

    @Test
    void filtersSortsAndBadInputOnTheHomePage() {
        Document d = page("/?level=Relied%20on", 200);
        assertEquals(List.of("system:default/ci-pipelines", "system:default/observability"),
                d.select("tr[data-ref]").eachAttr("data-ref"));
        assertEquals("Showing 1–2 of 2", d.getElementById("showing").text());
        assertEquals("Relied on", d.selectFirst("select[name=level] option[selected]").text());
        d = page("/?sort=-consumers&kind=system&owner=developer-experience", 200);
        assertEquals(List.of("system:default/ci-pipelines", "system:default/feature-flags"),
                d.select("tr[data-ref]").eachAttr("data-ref"));
        assertEquals("most consumers first", d.selectFirst("select[name=sort] option[selected]").text());
        assertEquals("group:default/developer-experience", d.selectFirst("input[name=owner]").val());
        // the kinds offered are those of the capabilities there are; the sorts are the menu's five
        assertEquals(List.of("", "api", "component", "system"), d.select("select[name=kind] option").eachAttr("value"));
        assertEquals(List.of("name", "-level", "level", "-consumers", "-adoption"),
                d.select("select[name=sort] option").eachAttr("value"));
        assertEquals("system", d.selectFirst("select[name=kind] option[selected]").text());
        // the CSV link keeps the page's filters and sort
        String csv = d.getElementById("csv").attr("href");
        assertEquals("/api/scorecards/capabilities?format=csv&sort=-consumers&owner=group%3Adefault%2Fdeveloper-experience"
                + "&kind=system", csv);
        assertEquals("Download these as CSV", d.getElementById("csv").text());
        List<String> lines = given().urlEncodingEnabled(false).get(csv).then().statusCode(200).extract().asString()
                .lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("system:default/ci-pipelines,") && lines.get(2)
                .startsWith("system:default/feature-flags,"), String.join("\n", lines));

        d = page("/?sort=popularity", 400);
        assertEquals("Cannot show this page", d.getElementById("problem").text());
        assertEquals("Invalid sort 'popularity': one of [adoption, consumers, level, name, percentage], with - in"
                + " front for descending", d.getElementById("message").text());
        d = page("/?cursor=not-a-cursor", 400);
        assertEquals("Malformed page cursor", d.getElementById("message").text());
        d = page("/?level=Platinum", 400);
        assertTrue(d.getElementById("message").text().startsWith("Unknown level 'Platinum'"));
    }

    @Test
    void morePagesThanOneFollowTheCursor() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: zz-extra-")
                    .append(String.format("%02d", i)).append("\nspec:\n  owner: group:default/growth\n");
        }
        Catalog.ingest("web-extra", "full", yaml.toString()).statusCode(200);
        Document first = page("/", 200);
        assertEquals("Showing 1–50 of 54", first.getElementById("showing").text());
        String next = first.getElementById("next").attr("href");
        assertTrue(next.startsWith("/?cursor=") && next.endsWith("&page=2"), next);
        Document second = page(next, 200);
        assertEquals("Showing 51–54 of 54", second.getElementById("showing").text());
        assertNull(second.getElementById("next"));
        assertEquals("/?sort=name", second.selectFirst("a[rel=first]").attr("href"));
        List<String> all = new ArrayList<>(first.select("tr[data-ref]").eachAttr("data-ref"));
        all.addAll(second.select("tr[data-ref]").eachAttr("data-ref"));
        assertEquals(given().get("/api/scorecards/capabilities?limit=500").then().extract().jsonPath()
                .getList("items.entityRef"), all);
        assertEquals(List.of("system:default/zz-extra-21", "system:default/zz-extra-22", "system:default/zz-extra-23",
                "system:default/zz-extra-24"), second.select("tr[data-ref]").eachAttr("data-ref"));
    }

    @Test
    void capabilityPageShowsChecksReasonsNextStepsAndConsumers() {
        Document d = page("/capabilities/system/default/secrets-vault", 200);
        assertEquals("secrets-vault", d.getElementById("title").text());
        assertEquals("Integrated", d.getElementById("level").text());
        assertEquals("group:default/security-platform", d.getElementById("owner").text());
        Element documentation = d.getElementById("scorecard-documentation");
        assertEquals(List.of("documentation.has-description", "documentation.owner-is-group", "documentation.has-docs",
                "documentation.lifecycle-set", "documentation.api-definitions", "documentation.source-location"),
                documentation.select("tr[data-check]").eachAttr("data-check"));
        assertEquals(List.of("FAIL", "PASS", "FAIL", "PASS", "FAIL", "FAIL"), texts(documentation.ownerDocument(),
                "#scorecard-documentation tr[data-check] .state"));
        assertTrue(documentation.selectFirst("tr[data-check=documentation.api-definitions] td[data-label=Why]").text()
                .startsWith("apiCount = 1, apisWithDefinition = 0"));
        assertEquals("Documentation: none 33% of checks pass", documentation.selectFirst("h2").text());
        Element ladder = d.getElementById("scorecard-relied-on");
        assertEquals("Next steps to Documented", ladder.selectFirst("h3").text());
        List<String> steps = texts(d, "#scorecard-relied-on ol.steps li");
        assertEquals(4, steps.size());
        assertTrue(steps.get(0).contains("Add metadata.description to the capability's catalog-info.yaml, saying what"
                + " it offers and to whom."), steps.get(0));
        assertEquals("support-readiness.owner-has-members",
                d.selectFirst("#scorecard-support-readiness tr[data-check]").attr("data-check"));
        assertTrue(d.selectFirst("#scorecard-support-readiness tr[data-check] td[data-label=Why]").text()
                .startsWith("ownerIsGroup = true, ownerMemberCount = 0"));
        assertEquals(List.of("Adoption: Gold", "Documentation: none", "Support readiness: none",
                "Continuous integration: none"),
                d.select("p.badges img").eachAttr("alt"));
        JsonPath api = given().get("/api/scorecards/capabilities/system/default/secrets-vault").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(java.util.Arrays.asList("Gold", null, null), java.util.Arrays.asList(
                api.get("scorecards.find { it.id == 'adoption' }.level"),
                api.get("scorecards.find { it.id == 'documentation' }.level"),
                api.get("scorecards.find { it.id == 'support-readiness' }.level")));
        assertEquals("/api/scorecards/badges/system/default/secrets-vault/documentation.svg",
                d.select("p.badges img").get(1).attr("src"));

        d = page("/capabilities/system/default/feature-flags", 200);
        assertEquals(List.of("component:default/growth-experiments", "component:default/ios-app",
                "component:default/mobile-bff"), texts(d, "table.consumers tbody td:first-child"));
        assertEquals(List.of("group:default/growth", "group:default/mobile"), texts(d, "span.team"));
        assertEquals("No ratings yet. Rate it with POST /api/scorecards/capabilities/…/feedback.",
                d.getElementById("no-ratings").text());
    }

    @Test
    void feedbackShowsCsatAndEscapedComments() {
        String path = "/api/scorecards/capabilities/system/default/observability/feedback";
        given().contentType("application/json").body("{\"score\": 5, \"voter\": \"alice\", \"comment\": \"Great docs\"}")
                .post(path).then().statusCode(201);
        given().contentType("application/json")
                .body("{\"score\": 2, \"voter\": \"bob\", \"comment\": \"<img src=x onerror=alert(1)> slow\"}")
                .post(path).then().statusCode(201);
        Response r = given().get("/capabilities/system/default/observability");
        Document d = Jsoup.parse(r.asString());
        assertEquals("50.0%", d.getElementById("csat").text());
        assertEquals("3.5", d.getElementById("mean").text());
        assertEquals("2", d.getElementById("ratings").text());
        List<String> comments = texts(d, "ul.comments li");
        assertEquals(2, comments.size());
        assertTrue(comments.get(0).startsWith("2 ★ “<img src=x onerror=alert(1)> slow” — bob, "), comments.get(0));
        assertTrue(comments.get(1).startsWith("5 ★ “Great docs” — alice, "), comments.get(1));
        assertTrue(d.select("ul.comments img").isEmpty(), "a comment's markup is text, not markup");
        assertTrue(r.asString().contains("&lt;img src=x onerror=alert(1)&gt; slow"));
        assertEquals("CSAT 50% · mean 3.5 of 5 · n = 2", page("/", 200).getElementById("satisfaction").text());
    }

    @Test
    void entityTextIsEscaped() {
        Catalog.ingest("web-escape", "full", """
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata:
                  name: sneaky
                  title: "<script>alert('x')</script> & co"
                spec:
                  owner: group:default/growth
                """).statusCode(200);
        for (String path : List.of("/", "/?q=sneaky", "/capabilities/system/default/sneaky")) {
            Response r = given().get(path);
            assertEquals(200, r.statusCode());
            Document d = Jsoup.parse(r.asString());
            assertTrue(d.select("script").isEmpty(), path + " holds a script element");
            assertTrue(r.asString().contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; co")
                    || r.asString().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), path);
        }
        assertEquals("<script>alert('x')</script> & co",
                page("/capabilities/system/default/sneaky", 200).getElementById("title").text());
    }

    @Test
    void everyPageNamesAFaviconThatIsServed() {
        for (String path : List.of("/", "/capabilities/system/default/observability", "/teams/graph")) {
            assertEquals("/favicon.svg", page(path, 200).selectFirst("link[rel=icon]").attr("href"), path);
        }
        String svg = given().get("/favicon.svg").then().statusCode(200).contentType("image/svg+xml").extract().asString();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        // browsers that ignore the link still ask for /favicon.ico: a 16x16 icon, not a 404
        byte[] ico = given().get("/favicon.ico").then().statusCode(200).extract().asByteArray();
        assertEquals(List.of(0, 0, 1, 0, 1, 0, 16, 16), List.of(ico[0] & 0xff, ico[1] & 0xff, ico[2] & 0xff,
                ico[3] & 0xff, ico[4] & 0xff, ico[5] & 0xff, ico[6] & 0xff, ico[7] & 0xff));
    }

    @Test
    void unknownCapabilityIsANotFoundPage() {
        Document d = page("/capabilities/system/default/no-such-thing", 404);
        assertEquals("No such capability", d.getElementById("problem").text());
        assertEquals("There is no capability system:default/no-such-thing. It may have been removed, or it is not a"
                + " capability.", d.getElementById("message").text());
        assertEquals("/", d.selectFirst("main a[href=/]").attr("href"));
        // an entity that is not a capability has no page either
        assertEquals("No such capability", page("/capabilities/component/default/otel-collector", 404)
                .getElementById("problem").text());
    }

    @Test
    void trendSparklineFollowsTheStoredHistory() throws Exception {
        Catalog.ingest("web-trend", "full", Catalog.component("events-reader", "group:default/payments",
                "consumesApis: [api:default/events-api]")).statusCode(200);
        List<String> levels = given().get("/api/scorecards/capabilities/system/default/message-bus/history").then()
                .statusCode(200).extract().jsonPath().getList("items.level");
        assertEquals(List.of("Shipped", "Supported"), levels);
        // place the two stored changes and the last evaluation at known times: 1 and 21 January, 31 January
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update scoring_history h set at = case when h.id = (select min(id) from scoring_history"
                    + " where entity_ref = h.entity_ref) then timestamptz '2026-01-01T00:00:00Z'"
                    + " else timestamptz '2026-01-21T00:00:00Z' end where entity_ref = 'system:default/message-bus'");
            s.execute("update scoring_evaluated set at = timestamptz '2026-01-31T00:00:00Z'"
                    + " where entity_ref = 'system:default/message-bus'");
        }
        Document d = page("/capabilities/system/default/message-bus", 200);
        // x: 20 of 30 days → 80 of 120; y: Shipped (0) and Supported (3) on a scale from none (-1) to Relied on (5)
        assertEquals("0.0,18.7 80.0,18.7 80.0,8.7 120.0,8.7",
                d.selectFirst("#level-trend polyline").attr("points"));
        assertEquals("Level Shipped → Supported since 2026-01-01 (1 change)",
                d.selectFirst("#level-trend").attr("aria-label"));
        assertEquals("0.0,22.0 80.0,22.0 80.0,2.0 120.0,2.0", d.selectFirst("#consumer-trend polyline").attr("points"));
        assertEquals("Consumers 0 → 1 since 2026-01-01 (highest 1)", d.selectFirst("#consumer-trend").attr("aria-label"));
        assertEquals("0.0,18.7 80.0,18.7 80.0,8.7 120.0,8.7",
                page("/", 200).selectFirst("tr[data-ref=system:default/message-bus] svg.spark polyline").attr("points"));
    }

    @Test
    void theHomePageIsServedAgainUntilWhatItShowsChanges() throws Exception {
        Catalog.ingest("web-kept", "full", Catalog.component("events-reader", "group:default/payments",
                "consumesApis: [api:default/events-api]")).statusCode(200);
        String row = "tr[data-ref=system:default/message-bus] svg.spark polyline";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update scoring_history h set at = case when h.id = (select min(id) from scoring_history"
                    + " where entity_ref = h.entity_ref) then timestamptz '2026-01-01T00:00:00Z'"
                    + " else timestamptz '2026-01-21T00:00:00Z' end where entity_ref = 'system:default/message-bus'");
            s.execute("update scoring_evaluated set at = timestamptz '2026-01-31T00:00:00Z'"
                    + " where entity_ref = 'system:default/message-bus'");
        }
        String first = given().get("/").then().statusCode(200).extract().asString();
        assertEquals(first, given().get("/").then().statusCode(200).extract().asString());
        assertEquals("0.0,18.7 80.0,18.7 80.0,8.7 120.0,8.7", Jsoup.parse(first).selectFirst(row).attr("points"));
        // an evaluation moves no version, but it ends the trend line later: 20 of 40 days → 60 of 120
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("update scoring_evaluated set at = timestamptz '2026-02-10T00:00:00Z'"
                    + " where entity_ref = 'system:default/message-bus'");
        }
        assertEquals("0.0,18.7 60.0,18.7 60.0,8.7 120.0,8.7", page("/", 200).selectFirst(row).attr("points"));
        // a campaign stored through the API (on any replica) shows at once, and goes with its deletion
        given().contentType("application/json").body("{\"id\": \"web-kept\", \"title\": \"Kept page\","
                + " \"target\": {\"level\": \"Shipped\"}, \"deadline\": \"2099-01-01\"}")
                .post("/api/scorecards/campaigns").then().statusCode(201);
        try {
            assertEquals("Kept page", page("/", 200).selectFirst("tr[data-campaign=web-kept] a.campaign").text());
        } finally {
            given().delete("/api/scorecards/campaigns/web-kept").then().statusCode(204);
        }
        assertNull(page("/", 200).selectFirst("tr[data-campaign=web-kept]"));
    }

    @Test
    void teamGraphIsAPictureOfTheApiGraph() {
        JsonPath graph = given().get("/api/scorecards/teams/graph").then().statusCode(200).extract().jsonPath();
        Document d = page("/teams/graph", 200);
        List<String> producers = graph.getList("edges.producer");
        List<String> consumers = graph.getList("edges.consumer");
        java.util.Set<String> interacting = new java.util.TreeSet<>(producers);
        interacting.addAll(consumers);
        assertEquals(new ArrayList<>(interacting), d.select("#team-graph g.team").eachAttr("id"));
        assertEquals(14, interacting.size());
        assertEquals(producers.size(), d.select("#team-graph line").size());
        assertEquals(graph.getList("teams.findAll { it.bottleneck }.ref"),
                d.select("#team-graph g.team.bottleneck").eachAttr("id"));
        // the example's enablement team, drawn as its bottleneck
        assertEquals(List.of("group:default/platform-enablement"), d.select("#team-graph g.team.bottleneck").eachAttr("id"));
        assertNull(d.getElementById("capped"));
        assertEquals("14 of 17 teams interact, through " + producers.size() + " edges. JSON: /api/scorecards/teams/graph.",
                d.getElementById("counts").text());
        // the heaviest edge is the thickest
        double heaviest = d.select("#team-graph line").stream()
                .mapToDouble(l -> Double.parseDouble(l.attr("stroke-width"))).max().orElse(0);
        assertEquals(6.0, heaviest);
        assertFalse(d.select("table.teams tbody tr").isEmpty());
        // laid out once per version of the catalog graph, again when the catalog changed
        TeamGraphPicture.Picture picture = teamGraph.picture();
        assertSame(picture, teamGraph.picture());
        Catalog.ingest("web-graph", "full", """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: zz-new-team
                spec:
                  type: team
                  children: []
                """).statusCode(200);
        TeamGraphPicture.Picture after = teamGraph.picture();
        assertNotSame(picture, after);
        assertEquals(18, after.teams());
        assertEquals("14 of 18 teams interact, through " + producers.size() + " edges. JSON: /api/scorecards/teams/graph.",
                page("/teams/graph", 200).getElementById("counts").text());
    }

    @Test
    void aBottleneckTeamIsHighlightedAndLinkedFromTheSummary() {
        // a → b → c: every path between other teams runs through b
        Catalog.wipe(dataSource);
        StringBuilder yaml = new StringBuilder();
        for (String team : List.of("a", "b", "c")) {
            yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-").append(team)
                    .append("\n  title: Team ").append(team.toUpperCase()).append("\nspec:\n  type: team\n  children: []\n");
        }
        yaml.append("---\n").append(Catalog.component("a-svc", "group:default/team-a", "providesApis: [api:default/a-api]"));
        yaml.append("---\n").append(Catalog.component("b-svc", "group:default/team-b",
                "providesApis: [api:default/b-api]\nconsumesApis: [api:default/a-api]"));
        yaml.append("---\n").append(Catalog.component("c-svc", "group:default/team-c", "consumesApis: [api:default/b-api]"));
        for (String api : List.of("a", "b")) {
            yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ").append(api)
                    .append("-api\nspec:\n  type: openapi\n  lifecycle: production\n  owner: group:default/team-")
                    .append(api).append("\n  definition: 'openapi: 3.0.0'\n");
        }
        Catalog.ingest("web-chain", "full", yaml.toString()).statusCode(200);
        Document d = page("/teams/graph", 200);
        assertEquals(List.of("group:default/team-b"), d.select("#team-graph g.team.bottleneck").eachAttr("id"));
        assertEquals("#cf222e", d.selectFirst("#team-graph g.bottleneck circle").attr("fill"));
        assertEquals(List.of("#0969da", "#0969da"), d.select("#team-graph g.team:not(.bottleneck) circle").eachAttr("fill"));
        assertEquals(List.of("Team A", "Team B", "Team C"), texts(d, "#team-graph g.team text"));
        assertEquals(2, d.select("#team-graph line").size());
        assertEquals("Team B group:default/team-b bottleneck", d.selectFirst("table.teams tr.bottleneck td").text());
        Element link = page("/", 200).selectFirst("a.bottleneck");
        assertEquals("Team B", link.text());
        assertEquals("/teams/graph#group:default/team-b", link.attr("href"));
    }
}
