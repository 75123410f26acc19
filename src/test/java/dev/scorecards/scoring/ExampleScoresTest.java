package dev.scorecards.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example organisation's capabilities get the scores catalog-examples/README.md promises. */
@QuarkusTest
class ExampleScoresTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    private static ValidatableResponse capability(String path) {
        return given().get("/api/scorecards/capabilities/" + path).then().statusCode(200);
    }

    @Test
    void theExemplaryCapabilityReachesTheTopOfItsLadder() {
        capability("system/default/observability")
                .body("level", equalTo("Relied on")).body("levelIndex", equalTo(5))
                .body("scorecards.id", contains("relied-on", "adoption", "documentation", "support-readiness", "ci"))
                .body("scorecards[0..3].level", contains("Relied on", "Gold", "Gold", "Gold"))
                .body("scorecards[0..3].percentage", contains(100.0f, 100.0f, 100.0f, 100.0f))
                .body("scorecards[0].nextLevel", nullValue()).body("scorecards[0].nextSteps", hasSize(0))
                .body("adoption.consumers", equalTo(18))
                .body("adoption.consumingTeams", hasSize(9))
                .body("adoption.eligibleTeams", equalTo(12))
                .body("adoption.rate", equalTo(0.75f))
                .body("adoption.producerTeams", contains("group:default/observability"))
                .body("parts", hasSize(5));
    }

    @Test
    void theUndocumentedCapabilityFailsTheNamedDocumentationChecks() {
        ValidatableResponse r = capability("system/default/secrets-vault")
                .body("level", equalTo("Integrated"))
                .body("scorecards.find { it.id == 'documentation' }.level", nullValue())
                .body("scorecards.find { it.id == 'documentation' }.percentage", equalTo(33.3f))
                .body("scorecards.find { it.id == 'documentation' }.checks.state",
                        contains("FAIL", "PASS", "FAIL", "PASS", "FAIL", "FAIL"))
                .body("scorecards.find { it.id == 'documentation' }.checks.id",
                        contains("documentation.has-description", "documentation.owner-is-group",
                                "documentation.has-docs", "documentation.lifecycle-set",
                                "documentation.api-definitions", "documentation.source-location"))
                .body("scorecards.find { it.id == 'documentation' }.checks[4].reason",
                        equalTo("apiCount = 1, apisWithDefinition = 0"))
                .body("scorecards.find { it.id == 'documentation' }.nextSteps.checkId",
                        contains("documentation.has-description"))
                .body("scorecards.find { it.id == 'support-readiness' }.checks[0].state", equalTo("FAIL"))
                .body("scorecards.find { it.id == 'support-readiness' }.checks[0].reason",
                        equalTo("ownerIsGroup = true, ownerMemberCount = 0"));
        // the ladder's next steps are the failing documentation checks themselves, with their remediation
        r.body("scorecards[0].nextLevel", equalTo("Documented"))
                .body("scorecards[0].nextSteps.checkId", contains("documentation.has-description",
                        "documentation.has-docs", "documentation.api-definitions", "documentation.source-location"))
                .body("scorecards[0].nextSteps[0].remediation", equalTo("Add metadata.description to the capability's"
                        + " catalog-info.yaml, saying what it offers and to whom."));
    }

    @Test
    void theBypassedCapabilityShowsBothBypasses() {
        capability("system/default/postgres-as-a-service")
                .body("level", equalTo("Supported"))
                .body("adoption.bypasses.ref", contains("component:default/payments-ledger",
                        "component:default/growth-experiments"))
                .body("adoption.bypasses.how", contains("structural", "declared"))
                .body("adoption.bypasses[0].parts", contains("resource:default/postgres-shared-cluster"))
                .body("adoption.bypassingTeams", contains("group:default/growth", "group:default/payments"))
                .body("adoption.bypassRatio", equalTo(0.4f))
                .body("scorecards.find { it.id == 'adoption' }.checks.find { it.id == 'adoption.no-bypasses' }.state",
                        equalTo("FAIL"))
                .body("scorecards[0].nextSteps.checkId", contains("adoption.no-bypasses"));
    }

    @Test
    void everyIntendedStateShows() {
        capability("system/default/ci-pipelines").body("level", equalTo("Relied on"))
                .body("adoption.consumingTeams", contains("group:default/checkout", "group:default/mobile",
                        "group:default/payments", "group:default/search"));
        capability("system/default/feature-flags").body("level", equalTo("Documented"))
                .body("scorecards.find { it.id == 'support-readiness' }.nextSteps.checkId",
                        contains("support-readiness.on-call", "support-readiness.support-channel"));
        capability("system/default/message-bus").body("level", equalTo("Shipped"))
                .body("adoption.consumers", equalTo(0));
        capability("component/default/edge-gateway").body("level", equalTo("Integrated"))
                .body("adoption.consumingTeams", contains("group:default/checkout", "group:default/mobile",
                        "group:default/search"));
        given().get("/api/scorecards/capabilities?limit=500").then()
                .body("totalItems", equalTo(29))
                .body("items.findAll { it.level == 'Relied on' }.entityRef",
                        contains("system:default/ci-pipelines", "system:default/observability"));
    }

    @Test
    void consumersTeamsAndRollups() {
        given().get("/api/scorecards/capabilities/system/default/feature-flags/consumers").then().statusCode(200)
                .body("items.ref", contains("component:default/growth-experiments", "component:default/ios-app",
                        "component:default/mobile-bff"))
                .body("items.teams", contains(contains("group:default/growth"), contains("group:default/mobile"),
                        contains("group:default/mobile")))
                .body("items[1].uses", contains("api:default/feature-flags-api"));
        given().get("/api/scorecards/teams/default/observability").then().statusCode(200)
                .body("produces.entityRef", contains("api:default/logs-api", "api:default/metrics-api",
                        "system:default/observability"));
        given().get("/api/scorecards/domains/default/platform").then().statusCode(200)
                .body("count", equalTo(13)).body("lowestLevel", equalTo("Shipped"))
                .body("levels.'Relied on'", equalTo(2));
        given().get("/api/scorecards/systems/default/observability").then().statusCode(200)
                .body("capabilities.entityRef", contains("api:default/logs-api", "api:default/metrics-api",
                        "system:default/observability"));
        given().get("/api/scorecards/systems/default/nope").then().statusCode(404);
    }
}
