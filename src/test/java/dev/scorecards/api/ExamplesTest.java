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
                .body("facets.kind.count", contains(14, 33, 2, 16, 3, 11, 14, 29));
        given().get("/api/catalog/entities?filter=kind=group,spec.type=team&fields=metadata.name").then()
                .body("", hasSize(13));
        // no reference dangles: every relation target is a stored entity
        java.util.List<String> targets = given().get("/api/catalog/entities?fields=relations").then().extract()
                .path("relations.flatten().targetRef.unique()");
        org.junit.jupiter.api.Assertions.assertEquals(119, targets.size()); // every entity but the 3 Locations is related to another
        java.util.Map<String, Object> body = java.util.Map.of("entityRefs", targets);
        given().contentType("application/json").body(body).post("/api/catalog/entities/by-refs").then()
                .body("items.findAll { it == null }.size()", equalTo(0));
        given().get("/api/catalog/entities/by-name/api/default/metrics-api").then()
                .body("spec.definition", org.hamcrest.Matchers.startsWith("openapi: 3"))
                .body("relations.findAll { it.type == 'apiConsumedBy' }.size()", equalTo(13));
        given().get("/api/catalog/entities/by-name/component/default/payments-ledger").then()
                .body("relations.findAll { it.type == 'dependsOn' }.targetRef",
                        org.hamcrest.Matchers.hasItem("resource:default/postgres-shared-cluster"));
    }
}
