package dev.scorecards.scoring;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each check state, the level rule, percentages, exemptions, pushed facts and incremental evaluation on a small catalog. */
@QuarkusTest
class ScoringRulesTest {
    @Inject
    DataSource dataSource;

    static final String ORG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: platform}
            spec: {type: team, children: [], members: [ann]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: ann}
            spec: {memberOf: []}
            """ + team("a") + team("b") + team("c") + team("d");

    static String team(String t) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-" + t + "}\n"
                + "spec: {type: team, children: []}\n";
    }

    static String consumer(String name, String team, String spec) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\n"
                + "spec: {type: service, lifecycle: production, owner: " + team + ", " + spec + "}\n";
    }

    static final String CAPABILITY = """
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata:
              name: cap
              description: A capability.
              annotations: {backstage.io/techdocs-ref: 'dir:.', pagerduty.com/service-id: P1, backstage.io/source-location: 'url:https://git.example/cap/'}
              links: [{url: 'https://runbooks.example/cap', type: runbook}, {url: 'https://chat.example/cap', type: support}]
            spec: {owner: platform}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: cap-api}
            spec:
              type: openapi
              lifecycle: production
              owner: platform
              system: cap
              definition: "openapi: 3.0.0\\npaths:\\n  /x: {get: {responses: {'200': {description: ok}}}}\\n"
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata: {name: cap-db}
            spec: {type: database, owner: platform, system: cap}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata: {name: plain}
            spec: {owner: platform}
            """;

    static final String CONSUMERS = consumer("a-svc", "team-a", "consumesApis: [cap-api]")
            + consumer("b-svc", "team-b", "consumesApis: [cap-api]")
            + consumer("c-svc", "team-c", "consumesApis: [cap-api]")
            + consumer("d-svc", "team-d", "dependsOn: ['resource:cap-db']");

    @BeforeEach
    void load() {
        Catalog.wipe(dataSource);
        ingest("all", "full", ORG + CAPABILITY + CONSUMERS).statusCode(200);
    }

    private static JsonPath cap(String name) {
        return given().get("/api/scorecards/capabilities/system/default/" + name).then().statusCode(200).extract().jsonPath();
    }

    private static String state(JsonPath r, String checkId) {
        String card = checkId.substring(0, checkId.indexOf('.'));
        return r.getString("scorecards.find { it.id == '" + card + "' }.checks.find { it.id == '" + checkId + "' }.state");
    }

    @Test
    void passFailAndNotApplicableWithTheAllLowerLevelsRule() {
        JsonPath r = cap("cap");
        assertEquals("PASS", state(r, "adoption.consuming-teams"));
        assertEquals("FAIL", state(r, "adoption.no-bypasses"));
        assertEquals(List.of("component:default/d-svc"), r.getList("adoption.bypasses.ref"));
        assertEquals(1.0f, r.getFloat("adoption.rate"));
        assertEquals(4, r.getInt("adoption.eligibleTeams"));
        assertEquals("Supported", r.getString("level"));
        // a team that owns no Component but consumes through its Resource could adopt too: the rate stays ≤ 1
        ingest("more", "delta", team("e") + "---\napiVersion: backstage.io/v1alpha1\nkind: Resource\n"
                + "metadata: {name: e-cache}\nspec: {type: cache, owner: team-e, dependsOn: ['resource:cap-db']}\n")
                .statusCode(200);
        JsonPath withE = cap("cap");
        assertEquals(5, withE.getInt("adoption.consumingTeams.size()"));
        assertEquals(5, withE.getInt("adoption.eligibleTeams"));
        assertEquals(1.0f, withE.getFloat("adoption.rate"));
        JsonPath plain = cap("plain");
        assertEquals("NOT_APPLICABLE", state(plain, "documentation.api-definitions"));
        // plain has no description (Bronze) though it passes Silver's lifecycle? it has none either: no level at all
        assertEquals("FAIL", state(plain, "documentation.has-description"));
        assertEquals("PASS", state(plain, "documentation.owner-is-group"));
        assertEquals(null, plain.getString("scorecards.find { it.id == 'documentation' }.level"));
        // Silver passes on its own (docs + lifecycle) when Bronze fails: still no level
        ingest("all", "delta", CAPABILITY.replace("description: A capability.", "title: Cap")).statusCode(200);
        JsonPath noDescription = cap("cap");
        assertEquals("PASS", state(noDescription, "documentation.has-docs"));
        assertEquals("PASS", state(noDescription, "documentation.lifecycle-set"));
        assertEquals(null, noDescription.getString("scorecards.find { it.id == 'documentation' }.level"));
        assertEquals(83.3f, noDescription.getFloat("scorecards.find { it.id == 'documentation' }.percentage"));
        assertEquals(List.of("documentation.has-description"),
                noDescription.getList("scorecards.find { it.id == 'documentation' }.nextSteps.checkId"));
    }

    @Test
    void notReportedErrorWeightsAndPushedFacts() {
        JsonPath before = cap("cap");
        assertEquals("FAIL", state(before, "ci.pass-rate-reported"));
        assertEquals("NOT_REPORTED", state(before, "ci.pass-rate"));
        assertEquals("fact ci.passRate is not reported",
                before.getString("scorecards.find { it.id == 'ci' }.checks[1].reason"));
        String batch = """
                [{"entityRef": "system:default/cap", "source": "ci", "facts": {"ci.passRate": 0.95, "ci.build": "abc"}},
                 {"entityRef": "system:default/nope", "source": "ci", "facts": {"ci.passRate": 1}},
                 {"entityRef": "system:default/cap", "source": "ci", "facts": {"consumerCount": 99}},
                 {"entityRef": "system:default/cap", "source": "ci", "facts": {"ci.nested": {"a": 1}}},
                 {"entityRef": "system:default/cap", "facts": {"ci.passRate": 1}},
                 {"entityRef": "not a ref", "source": "ci", "facts": {"x": 1}, "timestamp": "yesterday"}]
                """;
        given().contentType("application/json").body(batch).post("/api/scorecards/facts").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(5))
                .body("items.status", contains("accepted", "rejected", "rejected", "rejected", "rejected", "rejected"))
                .body("items[0].facts", contains("ci.passRate", "ci.build"))
                .body("items[1].reason", equalTo("unknown entity system:default/nope"))
                .body("items[2].reason", equalTo("fact name 'consumerCount' is derived from the catalog and cannot be pushed"))
                .body("items[3].reason", equalTo("fact 'ci.nested' must be a boolean, number, string (timestamps as"
                        + " ISO-8601 strings) or a list of those"))
                .body("items[4].reason", equalTo("source is required"))
                .body("items[5].reason", equalTo("Entity reference \"not a ref\" had missing or empty kind (e.g. did not"
                        + " start with \"component:\" or similar)"));
        JsonPath after = cap("cap");
        assertEquals("PASS", state(after, "ci.pass-rate"));
        assertEquals("ERROR", state(after, "ci.build-label"));
        assertEquals("Measured", after.getString("scorecards.find { it.id == 'ci' }.level"));
        assertEquals(80.0f, after.getFloat("scorecards.find { it.id == 'ci' }.percentage")); // (1 + 3) / (1 + 3 + 1)
        assertEquals(List.of("ci.build-label"), after.getList("scorecards.find { it.id == 'ci' }.nextSteps.checkId"));
        // the filter applies first: not a system, so the failing expression is not even evaluated
        JsonPath api = given().get("/api/scorecards/capabilities/api/default/cap-api").then().extract().jsonPath();
        assertEquals("NOT_APPLICABLE", state(api, "ci.build-label"));

        given().contentType("application/json").body("{\"items\": [{\"entityRef\": \"System:Default/Cap\", \"source\": \"ci\","
                + " \"facts\": {\"ci.build\": 42}}]}")
                .post("/api/scorecards/facts").then().statusCode(200).body("accepted", equalTo(1));
        JsonPath green = cap("cap");
        assertEquals("Green", green.getString("scorecards.find { it.id == 'ci' }.level"));
        assertEquals(100.0f, green.getFloat("scorecards.find { it.id == 'ci' }.percentage"));
        // a value observed earlier joins the history without becoming the latest
        given().contentType("application/json").body("[{\"entityRef\": \"system:default/cap\", \"source\": \"backfill\","
                + " \"timestamp\": \"2026-01-01T00:00:00Z\", \"facts\": {\"ci.build\": 7}}]")
                .post("/api/scorecards/facts").then().statusCode(200).body("accepted", equalTo(1));
        given().get("/api/scorecards/facts/system/default/cap?name=ci.build").then().statusCode(200)
                .body("latest.'ci.build'", equalTo(42)).body("latest.'ci.passRate'", equalTo(0.95f))
                .body("history.value", contains(42, "abc", 7))
                .body("history.source", contains("ci", "ci", "backfill"));
    }

    @Test
    void exemptionsWaiveAndExpireByThemselvesAndAreAudited() throws Exception {
        String id = given().contentType("application/json").body("{\"entityRef\": \"system:default/cap\","
                + " \"checkId\": \"adoption.no-bypasses\", \"reason\": \"d-svc migrates in Q1\", \"author\": \"ann\","
                + " \"expiresAt\": \"" + Instant.now().plusSeconds(86_400) + "\"}")
                .post("/api/scorecards/exemptions").then().statusCode(201)
                .body("checkId", equalTo("adoption.no-bypasses")).body("author", equalTo("ann"))
                .extract().path("id");
        JsonPath exempt = cap("cap");
        assertEquals("EXEMPT", state(exempt, "adoption.no-bypasses"));
        assertEquals("Relied on", exempt.getString("level"));
        given().get("/api/scorecards/exemptions?entityRef=system:default/cap").then().body("items.id", contains(id));

        // a day passes: the expiry moves into the past, and the minute job (every second in tests) notices
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "update scoring_exemption set expires_at = now() - interval '1 second' where id = ?::uuid")) {
            st.setString(1, id);
            assertEquals(1, st.executeUpdate());
        }
        JsonPath r = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> cap("cap"), p -> !"EXEMPT".equals(state(p, "adoption.no-bypasses")));
        assertEquals("FAIL", state(r, "adoption.no-bypasses"));
        assertEquals("Supported", r.getString("level"));
        given().get("/api/scorecards/exemptions/audit?entityRef=system:default/cap").then()
                .body("items.action", contains("created", "expired"))
                .body("items.actor", contains("ann", "system"));

        given().contentType("application/json").body("{\"entityRef\": \"system:default/nope\", \"checkId\":"
                + " \"adoption.no-bypasses\", \"reason\": \"x\", \"author\": \"ann\"}").post("/api/scorecards/exemptions")
                .then().statusCode(404);
        given().contentType("application/json").body("{\"entityRef\": \"system:default/cap\", \"checkId\":"
                + " \"adoption.nope\", \"reason\": \"x\", \"author\": \"ann\"}").post("/api/scorecards/exemptions")
                .then().statusCode(400);
        String open = given().contentType("application/json").body("{\"entityRef\": \"system:default/cap\","
                + " \"checkId\": \"adoption.no-bypasses\", \"reason\": \"until further notice\", \"author\": \"ann\"}")
                .post("/api/scorecards/exemptions").then().statusCode(201).extract().path("id");
        assertEquals("EXEMPT", state(cap("cap"), "adoption.no-bypasses"));
        given().delete("/api/scorecards/exemptions/" + open + "?actor=bob").then().statusCode(204);
        assertEquals("FAIL", state(cap("cap"), "adoption.no-bypasses"));
        given().get("/api/scorecards/exemptions/audit").then()
                .body("items.action", contains("created", "expired", "created", "deleted"))
                .body("items[3].actor", equalTo("bob"));
    }

    @Test
    void onlyCapabilitiesWhoseInputsChangedAreReEvaluatedAndEveryChangeIsKept() {
        String base = "/api/scorecards/capabilities/system/default/";
        int capHistory = given().get(base + "cap/history").then().extract().jsonPath().getList("items").size();
        int plainHistory = given().get(base + "plain/history").then().extract().jsonPath().getList("items").size();
        String capEvaluated = cap("cap").getString("evaluatedAt");
        String plainEvaluated = cap("plain").getString("evaluatedAt");
        // a new consumer of an existing team, through ingest: the capability changes at once, plain is not touched
        ingest("more", "delta", consumer("a2-svc", "team-a", "consumesApis: [cap-api]")).statusCode(200);
        JsonPath r = cap("cap");
        assertEquals(5, r.getInt("adoption.consumers"));
        org.junit.jupiter.api.Assertions.assertNotEquals(capEvaluated, r.getString("evaluatedAt"));
        assertEquals(plainEvaluated, cap("plain").getString("evaluatedAt"));
        given().get(base + "cap/history").then().body("items", hasSize(capHistory + 1))
                .body("items[-1].consumers", equalTo(5));
        given().get(base + "plain/history").then().body("items", hasSize(plainHistory));
        // a new team changes every adoption rate's denominator, so everything is evaluated again
        ingest("more", "delta", team("e") + consumer("e-svc", "team-e", "consumesApis: [cap-api]")).statusCode(200);
        assertEquals(5, cap("cap").getInt("adoption.eligibleTeams"));
        org.junit.jupiter.api.Assertions.assertNotEquals(plainEvaluated, cap("plain").getString("evaluatedAt"));
        // consumers leaving: fewer than when first recorded, so "not falling" fails
        ingest("all", "full", ORG + CAPABILITY + consumer("a-svc", "team-a", "consumesApis: [cap-api]")).statusCode(200);
        JsonPath fell = cap("cap");
        assertEquals(3, fell.getInt("adoption.consumers"));
        assertEquals(-1, fell.getInt("facts.consumerTrend"));
        assertEquals("FAIL", state(fell, "adoption.not-falling"));
        given().get(base + "cap/history?from=" + Instant.now().plusSeconds(60)).then().body("items", hasSize(0));
        given().get(base + "cap/history?from=yesterday").then().statusCode(400);
    }

    @Test
    void aCapabilityThatLeavesTheCatalogIsGoneFromTheListButKeepsItsHistory() {
        given().get("/api/scorecards/capabilities").then().body("totalItems", equalTo(3));
        ingest("all", "full", ORG + CAPABILITY.substring(0, CAPABILITY.indexOf("---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: plain}"))
                + CONSUMERS).statusCode(200);
        given().get("/api/scorecards/capabilities").then().body("totalItems", equalTo(2));
        given().get("/api/scorecards/capabilities/system/default/plain").then().statusCode(404);
        given().get("/api/scorecards/capabilities/system/default/plain/history").then().statusCode(200)
                .body("items[-1].removed", equalTo(true));
        given().post("/api/scorecards/capabilities/system/default/plain/evaluate").then().statusCode(404);
        given().post("/api/scorecards/capabilities/system/default/cap/evaluate").then().statusCode(200)
                .body("entityRef", equalTo("system:default/cap")).body("firstConsumerAt", org.hamcrest.Matchers.notNullValue());
        given().get("/api/scorecards/capabilities/system/default/cap/consumers").then()
                .body("items.ref", contains("component:default/a-svc", "component:default/b-svc",
                        "component:default/c-svc", "component:default/d-svc"))
                .body("items[3].uses", contains("resource:default/cap-db"));
    }

    @Test
    void teamsCountWhatTheyProduceIncludingThroughTheirMembersAndWhatTheyConsume() {
        // ann is in platform and in guild, and owns a capability herself: both teams produce it
        ingest("guild", "delta", """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: guild}
                spec: {type: team, children: [], members: [ann]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: ann-tool}
                spec: {owner: 'user:ann'}
                """).statusCode(200);
        JsonPath teams = given().get("/api/scorecards/teams").then().statusCode(200).extract().jsonPath();
        assertEquals(4, teams.getInt("items.find { it.teamRef == 'group:default/platform' }.produces"));
        assertEquals(1, teams.getInt("items.find { it.teamRef == 'group:default/guild' }.produces"));
        assertEquals(List.of(2, 2, 2, 1), List.of("a", "b", "c", "d").stream()
                .map(t -> teams.getInt("items.find { it.teamRef == 'group:default/team-" + t + "' }.consumes")).toList());
        given().get("/api/scorecards/teams/default/guild").then().statusCode(200)
                .body("produces.entityRef", contains("system:default/ann-tool"));
    }

    @Test
    void aCatalogChangeAnnouncedByAnotherReplicaReachesThisReplicasGraph() throws Exception {
        assertEquals(4, cap("cap").getInt("adoption.consumers"));
        // another replica removes a-svc: its rows go, and it announces the change as the service does
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("delete from catalog_relation where source_ref = 'component:default/a-svc'"
                    + " or target_ref = 'component:default/a-svc'");
            s.execute("delete from catalog_entity where ref = 'component:default/a-svc'");
            s.execute("select pg_notify('catalog_changed', 'another-replica' || chr(10) || 'component:default/a-svc')");
        }
        // the notification arrives within milliseconds
        int consumers = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            given().post("/api/scorecards/capabilities/system/default/cap/evaluate").then().statusCode(200);
            return cap("cap").getInt("adoption.consumers");
        }, n -> n != 4);
        assertEquals(3, consumers);
        given().get("/api/scorecards/capabilities/system/default/cap/consumers").then().statusCode(200)
                .body("items.ref", contains("component:default/b-svc", "component:default/c-svc",
                        "component:default/d-svc"));
    }
}
