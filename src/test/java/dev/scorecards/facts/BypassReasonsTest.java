package dev.scorecards.facts;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Why teams go around a capability: answers, their rules, and where they show (detail, page, summary). */
@QuarkusTest
class BypassReasonsTest {
    private static final String URL = "/api/scorecards/capabilities/system/default/store/bypass-reasons";
    /** p offers store (an API and an internal database); a goes around it structurally, b declares it; c uses the API. */
    private static final String ORG = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: p}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: a}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: b}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: c}
            spec: {type: team, children: []}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: alice}
            spec: {memberOf: [a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: bob}
            spec: {profile: {email: Bob@Example.com}, memberOf: [b]}
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
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: store-api}
            spec: {type: grpc, lifecycle: production, owner: p, system: store, definition: 'service S { rpc A (B) returns (C); }'}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: a-tool}
            spec: {type: service, lifecycle: production, owner: a, dependsOn: ['resource:store-db']}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: b-svc, annotations: {scorecards.dev/bypasses: 'system:default/store'}}
            spec: {type: service, lifecycle: production, owner: b}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: c-svc}
            spec: {type: service, lifecycle: production, owner: c, consumesApis: [store-api]}
            """;

    @Inject
    DataSource dataSource;
    @Inject
    jakarta.enterprise.event.Event<dev.scorecards.ingest.location.ExamplesRegistered> examplesRegistered;

    @BeforeEach
    void org() {
        Catalog.wipe(dataSource);
        ingest("bypass-reasons", "full", ORG).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).post(URL).then();
    }

    @Test
    void theLatestAnswerOfEachBypassingTeamCountsAndTheOthersStayOpen() {
        given().get(URL).then().statusCode(200)
                .body("bypassingTeams", contains("group:default/a", "group:default/b"))
                .body("answered", equalTo(0)).body("answers", empty()).body("history", empty())
                .body("reasons.reason", contains("too-rigid", "too-slow", "too-opaque", "missing-feature", "unaware", "other"))
                .body("reasons.count", contains(0, 0, 0, 0, 0, 0))
                .body("open.team", contains("group:default/a", "group:default/b"))
                .body("open[0].bypassedBy", contains("component:default/a-tool"))
                .body("open[0].question", equalTo("Why does group:default/a go around system:default/store"
                        + " (component:default/a-tool)? Answer with POST " + URL));
        post("{\"team\": \"group:default/a\", \"reason\": \"too-slow\", \"comment\": \" Weeks to get a database \","
                + " \"instead\": \"resource:default/store-db\", \"answeredBy\": \"ann\"}").statusCode(201)
                .body("replacedEarlierAnswer", equalTo(false))
                .body("answer.team", equalTo("group:default/a")).body("answer.reason", equalTo("too-slow"))
                .body("answer.comment", equalTo("Weeks to get a database"))
                .body("answer.instead", equalTo("resource:default/store-db"))
                .body("answer.answeredBy", equalTo("ann")).body("answer.identifiedBy", equalTo("request"))
                .body("note", equalTo("OIDC is off: the team and answeredBy are what the request says, which nobody"
                        + " verifies. Turn OIDC on to accept answers only from members of the team."));
        post("{\"team\": \"a\", \"reason\": \"missing-feature\"}").statusCode(200)
                .body("replacedEarlierAnswer", equalTo(true)).body("answer.answeredBy", nullValue())
                .body("answer.comment", nullValue());
        given().get(URL).then().statusCode(200)
                .body("answered", equalTo(1))
                .body("reasons.count", contains(0, 0, 0, 1, 0, 0))
                .body("answers.reason", contains("missing-feature"))
                .body("open.team", contains("group:default/b"))
                .body("history.reason", contains("missing-feature", "too-slow"));
        given().get(URL + "?history=1").then().body("history", hasSize(1));
        given().get("/api/scorecards/capabilities/system/default/store").then().statusCode(200)
                .body("bypassReasons.answered", equalTo(1))
                .body("bypassReasons.reasons.find { it.reason == 'missing-feature' }.count", equalTo(1))
                .body("bypassReasons.open.team", contains("group:default/b"))
                .body("scorecards.find { it.id == 'adoption' }.checks.find { it.id == 'adoption.no-bypasses' }.link",
                        equalTo("#bypass-reasons"));
        given().get("/api/scorecards/summary").then().statusCode(200)
                .body("bypasses.answered", equalTo(1))
                .body("bypasses.reasons.missing-feature", equalTo(1)).body("bypasses.reasons.too-slow", equalTo(0))
                .body("bypasses.open.team", contains("group:default/b"))
                .body("bypasses.open.entityRef", contains("system:default/store"));
        given().get("/capabilities/system/default/store").then().statusCode(200)
                .body(containsString("<h3 id=\"h-bypass-reasons\">Why teams go around it</h3>"))
                .body(containsString("<li data-reason=\"missing-feature\"><strong>missing-feature</strong>: 1"))
                .body(containsString("<p class=\"open-question\" data-team=\"group:default/b\">Open: Why does"
                        + " group:default/b go around system:default/store (component:default/b-svc)?"))
                .body(containsString("<a href=\"#bypass-reasons\" rel=\"noopener noreferrer\">How</a>"));
        // b answers too; then a stops going around it: its answer stays in the history but no longer counts
        post("{\"team\": \"group:default/b\", \"reason\": \"unaware\"}").statusCode(201);
        given().get("/api/scorecards/summary").then().body("bypasses.answered", equalTo(2)).body("bypasses.open", empty());
        ingest("bypass-reasons", "full", ORG.replace("dependsOn: ['resource:store-db']", "consumesApis: [store-api]"))
                .statusCode(200);
        given().get(URL).then().statusCode(200)
                .body("bypassingTeams", contains("group:default/b"))
                .body("answered", equalTo(1)).body("answers.team", contains("group:default/b"))
                .body("reasons.count", contains(0, 0, 0, 0, 1, 0))
                .body("history", hasSize(3));
    }

    @Test
    void supportLoadSumsTheWindowsTicketsAndIncidentsPerConsumingTeam() {
        String cap = "/api/scorecards/capabilities/system/default/store";
        given().get(cap).then().statusCode(200)
                .body("facts.consumingTeamCount", equalTo(2)).body("facts.coordinationCost", equalTo(1))
                .body("facts.supportLoad", nullValue())
                .body("scorecards.find { it.id == 'support-readiness' }.checks.find { it.id == 'support-readiness.support-load' }.state",
                        equalTo("NOT_APPLICABLE"));
        java.time.Instant now = java.time.Instant.now();
        given().contentType("application/json").body("[" + push("support.tickets", 100, now.minus(java.time.Duration.ofDays(40)))
                + "," + push("support.tickets", 2, now.minus(java.time.Duration.ofDays(2)))
                + "," + push("support.tickets", 4, now.minus(java.time.Duration.ofDays(1)))
                + "," + push("support.incidents", 1, now.minus(java.time.Duration.ofDays(1)))
                + "," + push("support.incidents", "\"3\"", now) + "]")
                .post("/api/scorecards/facts").then().statusCode(200)
                .body("items.status", contains("accepted", "accepted", "accepted", "accepted", "rejected"))
                .body("items[4].reason", equalTo("fact 'support.incidents' must be a number of at least 0 (the incidents"
                        + " since the previous push), got \"3\""));
        // 2 + 4 tickets and 1 incident in the 30-day window (the 100 are older) ÷ teams a and c
        given().get(cap).then().statusCode(200)
                .body("facts.supportLoad", equalTo(7.0f)).body("facts.supportLoadPerTeam", equalTo(3.5f))
                .body("scorecards.find { it.id == 'support-readiness' }.checks.find { it.id == 'support-readiness.support-load' }.state",
                        equalTo("FAIL"))
                .body("scorecards.find { it.id == 'support-readiness' }.checks.find { it.id == 'support-readiness.support-load' }.reason",
                        equalTo("supportLoadPerTeam = 3.5"));
        given().get("/api/scorecards/summary").then().statusCode(200)
                .body("operationalEfficiency.supportLoadPerTeam.capabilities", equalTo(1))
                .body("operationalEfficiency.supportLoadPerTeam.median", equalTo(3.5f))
                .body("operationalEfficiency.supportLoadPerTeam.highest.entityRef", contains("system:default/store"))
                .body("operationalEfficiency.coordinationCost.capabilities", equalTo(2))
                .body("operationalEfficiency.coordinationCost.max", equalTo(1.0f))
                .body("operationalEfficiency.coordinationCost.highest.entityRef",
                        contains("api:default/store-api", "system:default/store"));
    }

    private static String push(String fact, Object value, java.time.Instant at) {
        return "{\"entityRef\": \"system:default/store\", \"source\": \"helpdesk\", \"timestamp\": \"" + at
                + "\", \"facts\": {\"" + fact + "\": " + value + "}}";
    }

    @Test
    void theExampleCatalogComesWithTheReasonsOfItsTwoBypasses() {
        Catalog.examples(dataSource);
        examplesRegistered.fire(new dev.scorecards.ingest.location.ExamplesRegistered(
                java.nio.file.Path.of("catalog-examples").toAbsolutePath()));
        given().get("/api/scorecards/capabilities/system/default/postgres-as-a-service/bypass-reasons").then()
                .statusCode(200)
                .body("bypassingTeams", contains("group:default/growth", "group:default/payments"))
                .body("answers.team", contains("group:default/growth", "group:default/payments"))
                .body("answers.reason", contains("too-slow", "missing-feature"))
                .body("answers.instead", contains("resource:default/growth-experiments-db",
                        "resource:default/postgres-shared-cluster"))
                .body("open", empty());
        given().get("/api/scorecards/summary").then()
                .body("bypasses.answered", equalTo(2)).body("bypasses.reasons.too-slow", equalTo(1))
                .body("bypasses.reasons.missing-feature", equalTo(1)).body("bypasses.open", empty());
    }

    @Test
    void onlyABypassingTeamMayAnswerWithAReasonOfTheList() {
        post("{\"team\": \"group:default/c\", \"reason\": \"too-slow\"}").statusCode(400)
                .body("error.message", equalTo("team: group:default/c does not go around system:default/store;"
                        + " the teams that do: group:default/a, group:default/b"));
        post("{\"reason\": \"too-slow\"}").statusCode(400)
                .body("error.message", equalTo("team is required: an entity ref such as group:default/growth"));
        post("{\"team\": \"a\", \"reason\": \"too-expensive\"}").statusCode(400)
                .body("error.message", equalTo("reason must be one of too-rigid, too-slow, too-opaque, missing-feature,"
                        + " unaware, other, got 'too-expensive'"));
        post("{\"team\": \"a\", \"reason\": \"other\", \"why\": \"x\"}").statusCode(400)
                .body("error.message", equalTo("Unknown field 'why': expected team, reason, comment, instead, answeredBy"));
        post("{\"team\": \"a\", \"reason\": 3}").statusCode(400).body("error.message", equalTo("reason must be a string"));
        post("{\"team\": \"a\", \"reason\": \"other\", \"instead\": \"store-db\"}").statusCode(400)
                .body("error.message", equalTo("instead: 'store-db' is not an entity ref (kind:namespace/name)"));
        post("{\"team\": \"a\", \"reason\": \"other\", \"comment\": \"" + "x".repeat(1001) + "\"}").statusCode(400)
                .body("error.message", equalTo("comment must be at most 1000 characters, got 1001"));
        post("{\"team\": \"a\", \"reason\": \"other\", \"comment\": \"nul \\u0000 here\"}").statusCode(400)
                .body("error.message", containsString("body field comment"));
        given().contentType("application/json").body("{\"team\": \"a\", \"reason\": \"other\"}")
                .post("/api/scorecards/capabilities/component/default/c-svc/bypass-reasons").then().statusCode(404);
        given().get("/api/scorecards/capabilities/component/default/c-svc/bypass-reasons").then().statusCode(404);
        given().get(URL).then().body("history", empty());
        // a capability nobody goes around: its page says so
        given().get("/capabilities/api/default/store-api").then().statusCode(200)
                .body(containsString("Nobody goes around it, or nobody has said why."));
    }

    @Test
    @TestSecurity(user = "alice", roles = "user")
    void signedInOnlyAMemberOfTheTeamMayAnswerForIt() {
        post("{\"team\": \"a\", \"reason\": \"too-rigid\", \"answeredBy\": \"someone-else\"}").statusCode(201)
                .body("answer.answeredBy", equalTo("alice")).body("answer.identifiedBy", equalTo("token"))
                .body("note", equalTo("Answered by the subject of the request's token, a member of the team."));
        post("{\"team\": \"b\", \"reason\": \"too-rigid\"}").statusCode(403)
                .body("error.message", equalTo("alice is not a member of group:default/b in the catalog: only a member"
                        + " of a bypassing team may answer for it"));
        given().get(URL).then().body("answers.team", contains("group:default/a")).body("open.team", not(contains("group:default/a")));
    }

    @Test
    @TestSecurity(user = "bob@example.com", roles = "user")
    void aMemberIsAlsoKnownByTheEmailOfTheirProfile() {
        post("{\"team\": \"b\", \"reason\": \"unaware\"}").statusCode(201).body("answer.answeredBy", equalTo("bob@example.com"));
    }
}
