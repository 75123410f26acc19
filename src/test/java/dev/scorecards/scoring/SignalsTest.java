package dev.scorecards.scoring;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time to first adopter, satisfaction, bypasses, the team interaction graph and the summary. */
@QuarkusTest
class SignalsTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        Catalog.wipe(dataSource);
    }

    static String group(String name) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: " + name + "}\n"
                + "spec: {type: team, children: []}\n";
    }

    static String api(String name, String owner) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: " + name + "}\n"
                + "spec: {type: grpc, lifecycle: production, owner: " + owner + ", definition: 'service S { rpc A (B) returns (C); }'}\n";
    }

    static String component(String name, String owner, String spec) {
        return "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\n"
                + "spec: {type: service, lifecycle: production, owner: " + owner + (spec.isEmpty() ? "" : ", " + spec) + "}\n";
    }

    @Test
    void aStarShapedOrganisationFlagsTheTeamInTheMiddle() {
        StringBuilder org = new StringBuilder(group("e") + api("e-api", "e")
                + component("e-svc", "e", "consumesApis: [a1-api, a2-api, a3-api, a4-api]"));
        for (int i = 1; i <= 4; i++) {
            org.append(group("a" + i)).append(api("a" + i + "-api", "a" + i));
            org.append(group("b" + i)).append(component("b" + i + "-svc", "b" + i, "consumesApis: [e-api]"));
        }
        ingest("star", "full", org.toString()).statusCode(200);
        JsonPath g = given().get("/api/scorecards/teams/graph").then().statusCode(200).extract().jsonPath();
        assertEquals(9, g.getList("teams").size());
        assertEquals(8, g.getList("edges").size());
        assertEquals(List.of("group:default/e"), g.getList("teams.findAll { it.bottleneck }.ref"));
        assertEquals(16.0f, g.getFloat("teams.find { it.ref == 'group:default/e' }.betweenness"));
        assertEquals(1.0f, g.getFloat("teams.find { it.ref == 'group:default/e' }.share"));
        assertEquals(4, g.getInt("teams.find { it.ref == 'group:default/e' }.fanIn"));
        assertEquals(4, g.getInt("teams.find { it.ref == 'group:default/e' }.fanOut"));
        assertEquals(0.0f, g.getFloat("teams.find { it.ref == 'group:default/a1' }.betweenness"));
        assertEquals(0.5f, g.getFloat("bottleneckShare"));
        given().get("/api/scorecards/teams/graph?format=dot").then().statusCode(200)
                .contentType(containsString("text/vnd.graphviz"))
                .body(containsString("\"group:default/e\" -> \"group:default/b1\" [label=1, weight=1];"))
                .body(containsString("\"group:default/e\" [label=\"e\\nbetweenness 16.0\", color=red, penwidth=2];"));
        given().get("/api/scorecards/teams/graph?format=svg").then().statusCode(400);
        given().get("/api/scorecards/summary").then().body("bottlenecks", contains("group:default/e"));
    }

    @Test
    void aBalancedOrganisationFlagsNobody() {
        StringBuilder org = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            List<String> others = new java.util.ArrayList<>();
            for (int j = 1; j <= 4; j++) {
                if (j != i) {
                    others.add("t" + j + "-api");
                }
            }
            org.append(group("t" + i)).append(api("t" + i + "-api", "t" + i))
                    .append(component("t" + i + "-svc", "t" + i, "consumesApis: [" + String.join(", ", others) + "]"));
        }
        ingest("balanced", "full", org.toString()).statusCode(200);
        JsonPath g = given().get("/api/scorecards/teams/graph").then().extract().jsonPath();
        assertEquals(12, g.getList("edges").size());
        assertEquals(List.of(), g.getList("teams.findAll { it.bottleneck }.ref"));
        assertEquals(List.of(0.0f, 0.0f, 0.0f, 0.0f), g.getList("teams.betweenness"));
        assertEquals(List.of(3, 3, 3, 3), g.getList("teams.fanIn"));
    }

    @Test
    void timeToFirstAdopterIsMeasuredOnlyWhereBothArrivalsWereSeen() throws Exception {
        ingest("producers", "full", group("p") + group("c") + api("early-api", "p") + api("late-api", "p"))
                .statusCode(200);
        given().get("/api/scorecards/capabilities/api/default/early-api").then()
                .body("adoption.timeToFirstAdopter.reason", equalTo("no consumer yet"))
                .body("adoption.timeToFirstAdopter.days", nullValue());
        // the two APIs were first seen 12.5 and 45 days ago
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("update scoring_capability set first_seen_at = first_seen_at - interval '12 days 12 hours'"
                    + " where entity_ref = 'api:default/early-api'");
            st.execute("update scoring_capability set first_seen_at = first_seen_at - interval '45 days'"
                    + " where entity_ref = 'api:default/late-api'");
        }
        // now: consumers of both, and a new API that arrives together with its consumer
        ingest("consumers", "full", api("together-api", "p") + component("c-svc", "c",
                "consumesApis: [early-api, late-api, together-api]")).statusCode(200);
        JsonPath early = given().get("/api/scorecards/capabilities/api/default/early-api").then().extract().jsonPath();
        assertEquals(12.5, early.getDouble("adoption.timeToFirstAdopter.days"), 0.001);
        org.junit.jupiter.api.Assertions.assertNull(early.get("adoption.timeToFirstAdopter.reason"));
        assertEquals(early.getDouble("adoption.timeToFirstAdopter.days"), early.getDouble("facts.daysToFirstAdopter"));
        assertEquals("PASS", early.getString("scorecards.find { it.id == 'adoption' }.checks"
                + ".find { it.id == 'adoption.quick-first-adopter' }.state"));
        JsonPath late = given().get("/api/scorecards/capabilities/api/default/late-api").then().extract().jsonPath();
        assertEquals(45.0, late.getDouble("adoption.timeToFirstAdopter.days"), 0.001);
        assertEquals("FAIL", late.getString("scorecards.find { it.id == 'adoption' }.checks"
                + ".find { it.id == 'adoption.quick-first-adopter' }.state"));
        JsonPath together = given().get("/api/scorecards/capabilities/api/default/together-api").then().extract().jsonPath();
        assertEquals("the capability and its first consumer arrived in the same ingestion",
                together.getString("adoption.timeToFirstAdopter.reason"));
        assertEquals("NOT_APPLICABLE", together.getString("scorecards.find { it.id == 'adoption' }.checks"
                + ".find { it.id == 'adoption.quick-first-adopter' }.state"));
        JsonPath org = given().get("/api/scorecards/time-to-first-adopter").then().statusCode(200)
                .body("n", equalTo(2)).body("notReported", equalTo(1))
                .body("items.entityRef", contains("api:default/early-api", "api:default/late-api",
                        "api:default/together-api")).extract().jsonPath();
        assertEquals(28.75, org.getDouble("medianDays"), 0.001); // halfway between 12.5 and 45
        assertEquals(41.75, org.getDouble("p90Days"), 0.001); // 12.5 + 0.9 × 32.5
        given().get("/api/scorecards/summary").then().body("timeToFirstAdopter.n", equalTo(2));
    }

    static final String RATED = group("p") + group("c") + api("rated-api", "p") + component("c-svc", "c",
            "consumesApis: [rated-api]");

    @Test
    void oneCurrentVotePerVoterFeedsTheAdoptionScorecard() {
        ingest("rated", "full", RATED).statusCode(200);
        String url = "/api/scorecards/capabilities/api/default/rated-api/feedback";
        given().contentType("application/json").body("{\"score\": 2, \"voter\": \"ann\"}").post(url).then()
                .statusCode(201).body("vote.replacedEarlierVote", equalTo(false))
                .body("vote.identifiedBy", equalTo("request"))
                .body("note", equalTo("OIDC is off: the voter is the 'voter' field of the request, which nobody verifies."
                        + " Turn OIDC on to identify voters by their token."));
        given().contentType("application/json").body("{\"score\": 5, \"voter\": \"ann\", \"comment\": "
                + "\"<script>alert('hi')</script> works **well**\"}").post(url).then()
                .statusCode(200).body("vote.replacedEarlierVote", equalTo(true));
        given().get(url).then().body("n", equalTo(1)).body("mean", equalTo(5.0f)).body("csat", equalTo(100.0f));
        given().contentType("application/json").body("{\"score\": 3, \"voter\": \"bob\"}").post(url).then().statusCode(201);
        given().get(url).then().statusCode(200)
                .body("n", equalTo(2)).body("mean", equalTo(4.0f)).body("csat", equalTo(50.0f))
                .body("distribution.'1'", equalTo(0)).body("distribution.'3'", equalTo(1))
                .body("distribution.'5'", equalTo(1))
                .body("recentComments", hasSize(1))
                .body("recentComments[0].comment", equalTo("<script>alert('hi')</script> works **well**"));
        JsonPath r = given().get("/api/scorecards/capabilities/api/default/rated-api").then().extract().jsonPath();
        assertEquals(50.0f, r.getFloat("facts.csat"));
        assertEquals(2, r.getInt("facts.satisfactionCount"));
        assertEquals("FAIL", r.getString("scorecards.find { it.id == 'adoption' }.checks"
                + ".find { it.id == 'adoption.satisfied-users' }.state"));
        given().get("/api/scorecards/summary").then().body("satisfaction.n", equalTo(2))
                .body("satisfaction.csat", equalTo(50.0f));

        given().contentType("application/json").body("{\"score\": 6, \"voter\": \"ann\"}").post(url).then()
                .statusCode(400).body("error.message", equalTo("score must be a whole number from 1 to 5"));
        given().contentType("application/json").body("{\"score\": 4}").post(url).then().statusCode(400)
                .body("error.message", equalTo("The voter is unknown: with OIDC off, give a voter (1-200 characters)"
                        + " in the request"));
        given().contentType("application/json").body("{\"score\": 4, \"voter\": \"ann\", \"comment\": \""
                + "x".repeat(1001) + "\"}").post(url).then().statusCode(400)
                .body("error.message", equalTo("comment must be at most 1000 characters, got 1001"));
        given().contentType("application/json").body("{\"score\": 4, \"voter\": \"ann\"}")
                .post("/api/scorecards/capabilities/component/default/c-svc/feedback").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "carol", roles = "user")
    void withAnIdentityTheVoterIsItsSubject() {
        ingest("rated", "full", RATED).statusCode(200);
        given().contentType("application/json").body("{\"score\": 4, \"voter\": \"someone-else\"}")
                .post("/api/scorecards/capabilities/api/default/rated-api/feedback").then().statusCode(201)
                .body("vote.voter", equalTo("carol")).body("vote.identifiedBy", equalTo("token"))
                .body("note", equalTo("The voter is the subject of the request's token."));
    }

    @Test
    void bothKindsOfBypassAreListedAndSummarised() {
        String org = group("p") + group("a") + group("b") + """
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: store}
                spec: {owner: p}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Resource
                metadata: {name: store-db}
                spec: {type: database, owner: p, system: store}
                """ + api("store-api", "p").replace("owner: p,", "owner: p, system: store,")
                + component("a-svc", "a", "consumesApis: [store-api]")
                + component("a-tool", "a", "dependsOn: ['resource:store-db']")
                + component("b-svc", "b", "").replace("metadata: {name: b-svc}",
                        "metadata: {name: b-svc, annotations: {scorecards.dev/bypasses: 'system:default/store'}}");
        ingest("bypass", "full", org).statusCode(200);
        given().get("/api/scorecards/bypasses").then().statusCode(200)
                .body("capabilities", equalTo(1)).body("bypassCount", equalTo(2))
                .body("items[0].entityRef", equalTo("system:default/store"))
                .body("items[0].bypasses.how", contains("structural", "declared"))
                .body("items[0].bypasses.ref", contains("component:default/a-tool", "component:default/b-svc"))
                .body("items[0].bypassingTeamRefs", contains("group:default/a", "group:default/b"))
                .body("items[0].bypassRatio", equalTo(1.0f));
        given().get("/api/scorecards/summary").then().statusCode(200)
                .body("capabilities", equalTo(2))
                .body("bypasses.count", equalTo(2)).body("bypasses.capabilities", equalTo(1))
                .body("levels.Integrated", equalTo(2)).body("levels.none", equalTo(0))
                .body("adoptionRate.buckets.count", contains(0, 0, 0, 2, 0));
    }
}
