package dev.scorecards.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** catalog-examples/ loads through its root Location without a single error. */
@QuarkusTest
class ExamplesTest {
    @Inject
    DataSource dataSource;

    @Test
    void theExampleOrganisationLoadsCompletely() {
        Catalog.examples(dataSource);
        given().get("/api/catalog/entity-facets?facet=kind").then()
                .body("facets.kind.value", contains("API", "Component", "Domain", "Group", "Location", "Resource",
                        "System", "User"))
                .body("facets.kind.count", contains(14, 33, 2, 17, 3, 12, 14, 31));
        given().get("/api/catalog/entities?filter=kind=group,spec.type=team&fields=metadata.name").then()
                .body("", hasSize(14));
        // no reference dangles: every relation target is a stored entity
        java.util.List<String> targets = given().get("/api/catalog/entities?fields=relations").then().extract()
                .path("relations.flatten().targetRef.unique()");
        org.junit.jupiter.api.Assertions.assertEquals(123, targets.size()); // every entity but the 3 Locations is related to another
        java.util.Map<String, Object> body = java.util.Map.of("entityRefs", targets);
        given().contentType("application/json").body(body).post("/api/catalog/entities/by-refs").then()
                .body("items.findAll { it == null }.size()", equalTo(0));
        given().get("/api/catalog/entities/by-name/api/default/metrics-api").then()
                .body("spec.definition", org.hamcrest.Matchers.startsWith("openapi: 3"))
                .body("relations.findAll { it.type == 'apiConsumedBy' }.size()", equalTo(13));
        given().get("/api/catalog/entities/by-name/component/default/payments-ledger").then()
                .body("relations.findAll { it.type == 'dependsOn' }.targetRef",
                        org.hamcrest.Matchers.hasItem("resource:default/postgres-shared-cluster"));
        // the enablement team's intake queue: the product teams' Systems go in, three platform services depend on it
        given().get("/api/catalog/entities/by-name/resource/default/platform-intake").then()
                .body("spec.owner", equalTo("platform-enablement"))
                .body("relations.findAll { it.type == 'dependsOn' }.size()", equalTo(8))
                .body("relations.findAll { it.type == 'dependencyOf' }.targetRef", contains(
                        "component:default/otel-collector", "component:default/postgres-operator",
                        "component:default/vault-server"));
    }

    @Test
    void theEnablementTeamIsTheExamplesBottleneck() {
        Catalog.examples(dataSource);
        given().get("/api/scorecards/summary").then().statusCode(200)
                .body("bottlenecks", contains("group:default/platform-enablement"));
        given().get("/api/scorecards/teams/graph").then().statusCode(200)
                .body("teams.findAll { it.bottleneck }.ref", contains("group:default/platform-enablement"))
                .body("teams.find { it.ref == 'group:default/platform-enablement' }.share", equalTo(0.6042f))
                .body("teams.find { it.ref == 'group:default/platform-enablement' }.betweenness", equalTo(87.0f))
                .body("teams.find { it.ref == 'group:default/platform-enablement' }.fanIn", equalTo(8))
                .body("teams.find { it.ref == 'group:default/platform-enablement' }.fanOut", equalTo(3));
        // the seven capabilities keep their consuming teams of 12: the team consumes none of them
        given().get("/api/scorecards/capabilities/system/default/observability").then()
                .body("adoption.eligibleTeams", equalTo(12)).body("adoption.consumingTeams.size()", equalTo(9));
    }

    @Test
    void theLaterFileGivesTheMessageBusATimeToFirstAdopter() {
        Catalog.examples(dataSource);
        String bus = "/api/scorecards/capabilities/system/default/message-bus";
        given().get(bus).then().body("adoption.timeToFirstAdopter.days", org.hamcrest.Matchers.nullValue())
                .body("adoption.timeToFirstAdopter.reason", equalTo("no consumer yet"));
        // registered after the first start, as catalog-examples/README.md says
        given().contentType("application/json")
                .body("{\"type\": \"file\", \"target\": \"catalog-examples/later/order-notifications.yaml\"}")
                .post("/api/catalog/locations").then().statusCode(201);
        given().get(bus).then().body("adoption.consumingTeams", contains("group:default/fulfillment"))
                .body("adoption.timeToFirstAdopter.reason", org.hamcrest.Matchers.nullValue())
                .body("adoption.timeToFirstAdopter.days", org.hamcrest.Matchers.notNullValue());
        given().get("/api/scorecards/time-to-first-adopter").then()
                .body("items.findAll { it.days != null }.entityRef", org.hamcrest.Matchers.containsInAnyOrder(
                        "api:default/events-api", "system:default/message-bus"));
    }
}
