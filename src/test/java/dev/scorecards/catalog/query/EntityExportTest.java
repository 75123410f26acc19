package dev.scorecards.catalog.query;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listing every entity ({@code GET /api/catalog/entities} without paging, as JSON or CSV) reads one
 * cursor across many fetches: every entity once, in order.
 */
@QuarkusTest
class EntityExportTest {
    private static final int COMPONENTS = 25;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.wipe(dataSource);
        StringBuilder yaml = new StringBuilder("""
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: g
                spec:
                  type: team
                  children: []
                """);
        for (int i = COMPONENTS - 1; i >= 0; i--) {
            yaml.append(String.format("""
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: c-%03d
                    spec:
                      type: service
                      lifecycle: production
                      owner: g
                    """, i));
        }
        Catalog.ingest("export", "full", yaml.toString()).statusCode(200).body("created", equalTo(COMPONENTS + 1));
        CatalogQueries.listFetchSize = 7; // 26 entities: four fetches
    }

    @AfterEach
    void restore() {
        CatalogQueries.listFetchSize = 1000;
    }

    @Test
    void everyEntityOnceInOrderAcrossFetches() {
        String body = given().get("/api/catalog/entities?format=csv").then().statusCode(200).extract().asString();
        List<String> lines = List.of(body.substring(0, body.length() - 2).split("\r\n", -1));
        List<String> expected = new ArrayList<>();
        expected.add("entityRef,apiVersion,kind,namespace,name,title,description,owner,type,lifecycle,system,domain,tags");
        for (int i = 0; i < COMPONENTS; i++) {
            expected.add(String.format("component:default/c-%03d,backstage.io/v1alpha1,Component,default,c-%03d,,,g,"
                    + "service,production,,,", i, i));
        }
        expected.add("group:default/g,backstage.io/v1alpha1,Group,default,g,,,,team,,,,");
        List<String> withoutUids = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        for (String line : lines) {
            withoutUids.add(line.substring(0, line.lastIndexOf(',')));
            uids.add(line.substring(line.lastIndexOf(',') + 1));
        }
        assertEquals(expected, withoutUids);
        assertEquals(COMPONENTS + 2, uids.size()); // "uid" and one per entity
        // each line's uid is its entity's
        String uid = given().get("/api/catalog/entities/by-name/component/default/c-013").then().statusCode(200)
                .extract().path("metadata.uid");
        assertEquals(expected.get(14) + "," + uid, lines.get(14));

        // the JSON answer and another order cross the same fetches
        List<String> names = given().get("/api/catalog/entities?fields=metadata.name").then().statusCode(200)
                .extract().jsonPath().getList("metadata.name", String.class);
        List<String> ascending = new ArrayList<>();
        for (int i = 0; i < COMPONENTS; i++) {
            ascending.add(String.format("c-%03d", i));
        }
        ascending.add("g");
        assertEquals(ascending, names);
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertEquals(descending, given().get("/api/catalog/entities?fields=metadata.name&order=desc:metadata.name")
                .then().statusCode(200).extract().jsonPath().getList("metadata.name", String.class));
        // offset and limit still apply within the one cursor
        assertEquals(List.of("c-008", "c-009", "c-010"), given()
                .get("/api/catalog/entities?fields=metadata.name&offset=8&limit=3").then().statusCode(200)
                .extract().jsonPath().getList("metadata.name", String.class));
    }
}
