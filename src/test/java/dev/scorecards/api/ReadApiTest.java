package dev.scorecards.api;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read API that @backstage/catalog-client calls: filters, fields, order, paging, cursors, facets. */
@QuarkusTest
class ReadApiTest {
    @Inject
    DataSource dataSource;

    private static final String ENTITIES = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: alpha, tags: [java, web], annotations: {backstage.io/techdocs-ref: 'dir:.'}}
            spec: {type: service, lifecycle: production, owner: team-a}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: Bravo, title: The Bravo, tags: [go]}
            spec: {type: website, lifecycle: experimental, owner: team-b}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: charlie, tags: [java]}
            spec: {type: service, lifecycle: production, owner: team-b}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: delta-api}
            spec: {type: openapi, lifecycle: production, owner: team-a, definition: 'openapi: 3.0.0'}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, children: []}
            """;

    @BeforeEach
    void load() {
        Catalog.wipe(dataSource);
        ingest("read", "full", ENTITIES).statusCode(200).body("created", equalTo(5));
    }

    private static List<String> names(String query) {
        return given().get("/api/catalog/entities?fields=metadata.name&" + query).then().statusCode(200)
                .extract().path("metadata.name");
    }

    @Test
    void filtersAndWithinOneParameterOrAcrossParameters() {
        assertEquals(List.of("alpha", "charlie"), names("filter=kind=component,spec.type=service"));
        assertEquals(List.of("alpha", "Bravo", "charlie"), names("filter=kind=component,spec.type=service,spec.type=website"));
        assertEquals(List.of("delta-api", "alpha", "team-a"), names("filter=kind=group&filter=spec.owner=team-a"));
        assertEquals(List.of("Bravo"), names("filter=KIND=Component,spec.lifecycle=EXPERIMENTAL"));
        assertEquals(List.of("Bravo"), names("filter=metadata.title"));
        assertEquals(List.of("alpha"), names("filter=metadata.annotations.backstage.io/techdocs-ref"));
        assertEquals(List.of("alpha", "charlie"), names("filter=metadata.tags.java"));
        assertEquals(List.of("alpha", "charlie"), names("filter=metadata.tags=java"));
        assertEquals(List.of("alpha"), names("filter=metadata.tags.java=true,metadata.tags.web"));
        assertEquals(List.of("delta-api", "alpha"), names("filter=relations.ownedby=group:default/team-a"));
        assertEquals(List.of("delta-api", "alpha"), names("filter=relations.ownedBy=Group:Default/Team-A"));
        assertEquals(List.of("team-a"), names("filter=relations.ownerOf"));
        assertEquals(List.of(), names("filter=relations.nosuch=x"));
        assertEquals(List.of("delta-api", "alpha", "Bravo", "charlie", "team-a"), names("filter=,"));
        given().queryParam("filter", "=x").get("/api/catalog/entities").then().statusCode(400)
                .body("error.message", equalTo("Invalid filter, '=x' is not a valid statement (expected a string on the form a=b or a= or a)"));
    }

    @Test
    void fieldsKeepOnlyTheNamedSubtrees() {
        given().get("/api/catalog/entities/by-name/component/default/alpha?fields=kind,metadata.annotations.backstage.io/techdocs-ref")
                .then().body("kind", equalTo("Component")).body("metadata.annotations.'backstage.io/techdocs-ref'", equalTo("dir:."))
                .body("metadata.name", nullValue()).body("spec", nullValue());
        given().get("/api/catalog/entities?fields=metadata[0]").then().statusCode(400)
                .body("error.message", equalTo("Invalid field \"metadata[0]\", array type fields are not supported"));
    }

    @Test
    void orderLimitOffsetAndTheLinkHeader() {
        assertEquals(List.of("team-a", "delta-api", "charlie", "Bravo", "alpha"), names("order=desc:metadata.name"));
        assertEquals(List.of("Bravo", "alpha", "charlie"), names("filter=kind=component&order=desc:spec.type&order=asc:metadata.name"));
        Response first = given().get("/api/catalog/entities?fields=metadata.name&limit=2");
        assertEquals(List.of("delta-api", "alpha"), first.path("metadata.name"));
        String link = first.header("Link");
        String next = link.substring(1, link.indexOf('>'));
        assertEquals(List.of("Bravo", "charlie"), given().get(next).path("metadata.name"));
        assertEquals(List.of("charlie", "team-a"), names("offset=3"));
        given().get("/api/catalog/entities?limit=0").then().statusCode(400)
                .body("error.message", equalTo("Invalid limit, must be greater than zero"));
        given().get("/api/catalog/entities?offset=-1").then().statusCode(400)
                .body("error.message", equalTo("Invalid offset, must be zero or greater"));
        given().get("/api/catalog/entities?after=%25%25").then().statusCode(400);
    }

    @Test
    void byQueryPagesForwardAndBackWithCursorsAndCounts() {
        Response p1 = given().get("/api/catalog/entities/by-query?limit=2&orderField=metadata.name,asc&fields=metadata.name");
        assertEquals(List.of("alpha", "Bravo"), p1.path("items.metadata.name"));
        assertEquals(5, (int) p1.path("totalItems"));
        org.junit.jupiter.api.Assertions.assertNull(p1.path("pageInfo.prevCursor"));
        // Backstage's key order, the same on every JVM
        String raw = p1.asString();
        org.junit.jupiter.api.Assertions.assertTrue(raw.startsWith("{\"items\":[{\"metadata\":{\"name\":\"alpha\"}}")
                && raw.contains("}],\"totalItems\":5,\"pageInfo\":{\"nextCursor\":\""), raw);
        Response p2 = given().queryParam("cursor", (String) p1.path("pageInfo.nextCursor"))
                .get("/api/catalog/entities/by-query?limit=2&fields=metadata.name");
        assertEquals(List.of("charlie", "delta-api"), p2.path("items.metadata.name"));
        Response p3 = given().queryParam("cursor", (String) p2.path("pageInfo.nextCursor"))
                .get("/api/catalog/entities/by-query?limit=2&fields=metadata.name");
        assertEquals(List.of("team-a"), p3.path("items.metadata.name"));
        org.junit.jupiter.api.Assertions.assertNull(p3.path("pageInfo.nextCursor"));
        Response back = given().queryParam("cursor", (String) p3.path("pageInfo.prevCursor"))
                .get("/api/catalog/entities/by-query?limit=2&fields=metadata.name");
        assertEquals(List.of("charlie", "delta-api"), back.path("items.metadata.name"));
        assertEquals(5, (int) back.path("totalItems"));

        given().get("/api/catalog/entities/by-query?filter=kind=component&fullTextFilterTerm=RAV&fullTextFilterFields=metadata.name,metadata.title&fields=metadata.name")
                .then().body("items.metadata.name", contains("Bravo")).body("totalItems", equalTo(1));
        // entities without the order field are left out, as Backstage does now
        given().get("/api/catalog/entities/by-query?orderField=metadata.title&fields=metadata.name")
                .then().body("items.metadata.name", contains("Bravo")).body("totalItems", equalTo(1));
        given().get("/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,desc&totalItems=exclude&fields=metadata.name")
                .then().body("items.metadata.name", contains("charlie", "Bravo", "alpha")).body("totalItems", equalTo(0));
    }

    @Test
    void byUidByRefsAndDelete() {
        String uid = given().get("/api/catalog/entities/by-name/component/default/charlie").path("metadata.uid");
        given().get("/api/catalog/entities/by-uid/" + uid).then().statusCode(200).body("metadata.name", equalTo("charlie"));
        given().contentType("application/json")
                .body("{\"entityRefs\": [\"component:default/charlie\", \"component:default/nope\", \"Group:team-a\"], \"fields\": [\"metadata.name\"]}")
                .post("/api/catalog/entities/by-refs").then().statusCode(200)
                .body("items", hasSize(3)).body("items[0].metadata.name", equalTo("charlie"))
                .body("items[1]", nullValue()).body("items[2]", nullValue());
        given().contentType("application/json")
                .body("{\"entityRefs\": [\"group:default/team-a\", \"component:default/alpha\"]}")
                .post("/api/catalog/entities/by-refs?filter=kind=group&fields=kind").then()
                .body("items[0].kind", equalTo("Group")).body("items[1]", nullValue());
        given().delete("/api/catalog/entities/by-uid/" + uid).then().statusCode(204);
        // read (and cached) by name above: the delete announces its change, so the cache forgets it
        given().get("/api/catalog/entities/by-name/component/default/charlie").then().statusCode(404);
        given().get("/api/catalog/entities/by-uid/" + uid).then().statusCode(404)
                .body("error.name", equalTo("NotFoundError")).body("error.message", equalTo("No entity with uid " + uid));
        given().delete("/api/catalog/entities/by-uid/" + uid).then().statusCode(404);
        given().get("/api/catalog/entities/by-name/component/default/nope").then().statusCode(404)
                .body("error.message", equalTo("No entity named 'nope' found, with kind 'component' in namespace 'default'"))
                .body("request.url", equalTo("/api/catalog/entities/by-name/component/default/nope"))
                .body("response.statusCode", equalTo(404));
    }

    @Test
    void facetsCountValuesAsWritten() {
        given().get("/api/catalog/entity-facets?facet=kind&facet=metadata.tags&facet=relations.ownedBy&filter=kind=component")
                .then().statusCode(200)
                .body("facets.kind.value", contains("Component")).body("facets.kind.count", contains(3))
                .body("facets.'metadata.tags'.value", contains("go", "java", "web"))
                .body("facets.'metadata.tags'.count", contains(1, 2, 1))
                .body("facets.'relations.ownedBy'.value", contains("group:default/team-a", "group:default/team-b"))
                .body("facets.'relations.ownedBy'.count", contains(1, 2));
        given().get("/api/catalog/entity-facets").then().statusCode(400);
    }

    @Test
    void ancestryOfAPushedEntityIsItself() {
        given().get("/api/catalog/entities/by-name/component/default/alpha/ancestry").then().statusCode(200)
                .body("rootEntityRef", equalTo("component:default/alpha"))
                .body("items", hasSize(1)).body("items[0].parentEntityRefs", hasSize(0))
                .body(org.hamcrest.Matchers.startsWith("{\"rootEntityRef\":\"component:default/alpha\",\"items\":[{\"entity\":{"))
                .body(org.hamcrest.Matchers.endsWith("},\"parentEntityRefs\":[]}]}"));
    }

    @Test
    void listAnswersAreKeptOnlyUntilTheCatalogChanges() {
        String byQuery = "/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,asc&fields=metadata.name";
        String facets = "/api/catalog/entity-facets?facet=spec.lifecycle&filter=kind=component";
        for (int i = 0; i < 2; i++) { // the second answer is the kept one, and the same
            given().get(byQuery).then().statusCode(200).body("totalItems", equalTo(3))
                    .body("items.metadata.name", contains("alpha", "Bravo", "charlie"));
            given().get(facets).then().statusCode(200)
                    .body("facets.'spec.lifecycle'.value", contains("experimental", "production"))
                    .body("facets.'spec.lifecycle'.count", contains(1, 2));
        }
        // a parameter that differs is another answer
        given().get(byQuery + "&limit=1").then().statusCode(200).body("totalItems", equalTo(3))
                .body("items.metadata.name", contains("alpha"));
        ingest("more", "delta", Catalog.component("aardvark", "team-a", null).replace("production", "experimental"))
                .statusCode(200).body("created", equalTo(1));
        given().get(byQuery).then().statusCode(200).body("totalItems", equalTo(4))
                .body("items.metadata.name", contains("aardvark", "alpha", "Bravo", "charlie"));
        given().get(facets).then().statusCode(200).body("facets.'spec.lifecycle'.count", contains(2, 2));
        given().get(byQuery + "&limit=1").then().statusCode(200).body("totalItems", equalTo(4))
                .body("items.metadata.name", contains("aardvark"));
        // removed by hand, and by a write that changes nothing: the answers follow
        String uid = given().get("/api/catalog/entities/by-name/component/default/aardvark").then().statusCode(200)
                .extract().path("metadata.uid");
        given().delete("/api/catalog/entities/by-uid/" + uid).then().statusCode(204);
        given().get(byQuery).then().statusCode(200).body("totalItems", equalTo(3));
        given().get(facets).then().statusCode(200).body("facets.'spec.lifecycle'.count", contains(1, 2));
        // a refused request is not kept
        given().get("/api/catalog/entities/by-query?limit=0x").then().statusCode(400);
        given().get("/api/catalog/entities/by-query?limit=0x").then().statusCode(400);
    }
}
