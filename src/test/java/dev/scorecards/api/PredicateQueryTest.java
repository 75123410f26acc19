package dev.scorecards.api;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The predicate reads of catalog-client 1.16.4: {@code POST /entities/by-query}, {@code POST /entity-facets},
 * {@code by-refs} with {@code query}, and the spec arrays Backstage sorts. Expected values follow
 * plugin-catalog-backend 4.0.5, checked against it on the example catalog (docs/decisions.md, issue 12).
 */
@QuarkusTest
class PredicateQueryTest {
    @Inject
    DataSource dataSource;

    private static final String ENTITIES = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: alpha, tags: [java, web], annotations: {backstage.io/techdocs-ref: 'dir:.'}}
            spec: {type: service, lifecycle: production, owner: team-a, dependsOn: [resource:db, component:charlie, Component:Bravo]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: Bravo, title: The Bravo, tags: [go]}
            spec: {type: website, lifecycle: experimental, owner: team-b, consumesApis: [zeta-api, delta-api]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: charlie, tags: [java], description: Charlie does things}
            spec: {type: service, lifecycle: production, owner: team-b}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: delta-api}
            spec: {type: openapi, lifecycle: production, owner: team-a, definition: 'openapi: 3.0.0'}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata: {name: db}
            spec: {type: database, owner: team-a}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a}
            spec: {type: team, children: [], members: [zed, amy, Bob]}
            """;

    @BeforeEach
    void load() {
        Catalog.wipe(dataSource);
        ingest("predicates", "full", ENTITIES).statusCode(200).body("created", equalTo(6));
    }

    private static JsonPath post(String path, String body) {
        return given().contentType("application/json").body(body).post("/api/catalog" + path).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> names(String query) {
        return post("/entities/by-query", "{\"query\": " + query
                + ", \"orderBy\": [{\"field\": \"metadata.name\", \"order\": \"asc\"}]}").getList("items.metadata.name");
    }

    private static void rejected(String path, String body, String message) {
        given().contentType("application/json").body(body).post("/api/catalog" + path).then().statusCode(400)
                .body("error.name", equalTo("InputError")).body("error.message", equalTo(message));
    }

    @Test
    void operatorsCombineAsTheCatalogBackendDefinesThem() {
        assertEquals(List.of("alpha", "charlie"), names("{\"kind\": \"COMPONENT\", \"spec.type\": \"service\"}"));
        assertEquals(List.of("alpha", "Bravo", "charlie", "db", "delta-api"),
                names("{\"$any\": [{\"kind\": \"component\"}, {\"spec.owner\": \"team-a\", \"kind\": {\"$in\": [\"API\", \"resource\"]}}]}"));
        assertEquals(List.of("Bravo"), names("{\"$all\": [{\"kind\": \"component\"}, {\"$not\": {\"metadata.tags\": {\"$contains\": \"java\"}}}]}"));
        assertEquals(List.of("alpha"), names("{\"metadata.annotations.backstage.io/techdocs-ref\": {\"$exists\": true}}"));
        assertEquals(List.of("alpha", "Bravo"), names("{\"kind\": \"component\", \"metadata.description\": {\"$exists\": false}}"));
        assertEquals(List.of("Bravo", "charlie"), names("{\"spec.owner\": {\"$in\": [\"TEAM-B\", \"nobody\"]}}"));
        assertEquals(List.of("delta-api"), names("{\"metadata.name\": {\"$hasPrefix\": \"DELTA\"}}"));
        assertEquals(List.of("alpha", "Bravo", "charlie", "db", "delta-api", "team-a"), names("{}"));
        assertEquals(List.of("alpha", "Bravo", "charlie", "db", "delta-api", "team-a"), names("{\"$all\": []}"));
        assertEquals(List.of(), names("{\"$any\": []}"));
        assertEquals(List.of(), names("{\"$not\": {}}"));
        assertEquals(List.of(), names("{\"kind\": \"component\", \"spec.type\": {\"$in\": []}}"));
        // numbers and booleans match their text, as String(value) does
        assertEquals(List.of(), names("{\"spec.type\": 1}"));
    }

    @Test
    void relationsAreMatchedByTypeAndTarget() {
        assertEquals(List.of("db", "delta-api"),
                names("{\"relations\": {\"$contains\": {\"type\": \"ownedBy\", \"targetRef\": \"GROUP:default/team-a\"}}, \"kind\": {\"$in\": [\"api\", \"resource\"]}}"));
        assertEquals(List.of("alpha"), names("{\"relations\": {\"$contains\": {\"TYPE\": \"dependsOn\"}}}"));
        assertEquals(List.of("alpha"), names("{\"relations\": {\"$contains\": {\"type\": \"dependsOn\", \"targetRef\":"
                + " {\"$in\": [\"component:default/bravo\", \"resource:default/nothing\"]}}}}"));
        assertEquals(List.of("Bravo", "charlie", "db"), names("{\"relations.dependencyOf\": \"component:default/alpha\"}"));
        assertEquals(List.of("delta-api"), names("{\"relations.apiConsumedBy\": {\"$hasPrefix\": \"component:default/b\"}}"));
    }

    @Test
    void pagesCarryThePredicateInACursorTheClientCanRead() {
        JsonPath first = post("/entities/by-query", """
                {"query": {"kind": {"$in": ["component", "api", "resource"]}}, "limit": 2,
                 "orderBy": [{"field": "metadata.name", "order": "desc"}], "fields": ["metadata.name", "kind"]}""");
        assertEquals(List.of("delta-api", "db"), first.getList("items.metadata.name"));
        assertEquals(5, first.getInt("totalItems"));
        assertEquals(List.of("kind", "metadata"), List.copyOf(new java.util.TreeSet<>(first.getMap("items[0]").keySet())));
        String cursor = first.getString("pageInfo.nextCursor");
        String json = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"query\":{\"kind\":{\"$in\":[\"component\",\"api\",\"resource\"]}}"), json);
        JsonPath second = post("/entities/by-query", "{\"cursor\": \"" + cursor + "\", \"limit\": 2}");
        assertEquals(List.of("charlie", "Bravo"), second.getList("items.metadata.name"));
        assertEquals(5, second.getInt("totalItems"));
        JsonPath third = post("/entities/by-query", "{\"cursor\": \"" + second.getString("pageInfo.nextCursor") + "\", \"limit\": 2}");
        assertEquals(List.of("alpha"), third.getList("items.metadata.name"));
        assertEquals(null, third.getString("pageInfo.nextCursor"));
        JsonPath back = post("/entities/by-query", "{\"cursor\": \"" + third.getString("pageInfo.prevCursor") + "\", \"limit\": 2}");
        assertEquals(List.of("charlie", "Bravo"), back.getList("items.metadata.name"));
        // the same cursor by GET continues the same query
        assertEquals(List.of("charlie", "Bravo"), given().queryParam("cursor", cursor).queryParam("limit", 2)
                .get("/api/catalog/entities/by-query").then().statusCode(200).extract().jsonPath().getList("items.metadata.name"));
    }

    @Test
    void fullTextTotalItemsOffsetAndAnEmptyPage() {
        JsonPath text = post("/entities/by-query", """
                {"query": {"kind": "component"}, "fullTextFilter": {"term": " RAV ", "fields": ["metadata.name", "metadata.title"]}}""");
        assertEquals(List.of("Bravo"), text.getList("items.metadata.name"));
        assertEquals(1, text.getInt("totalItems"));
        JsonPath excluded = post("/entities/by-query", """
                {"query": {"kind": "component"}, "totalItems": "exclude", "offset": 1, "limit": 1,
                 "orderBy": [{"field": "metadata.name", "order": "asc"}]}""");
        assertEquals(List.of("Bravo"), excluded.getList("items.metadata.name"));
        assertEquals(0, excluded.getInt("totalItems"));
        JsonPath none = post("/entities/by-query", "{\"query\": {\"kind\": \"component\"}, \"limit\": 0}");
        assertEquals(List.of(), none.getList("items"));
        assertEquals(3, none.getInt("totalItems"));
        assertEquals(java.util.Map.of(), none.getMap("pageInfo"));
        assertEquals(6, post("/entities/by-query", "").getInt("totalItems"));
    }

    @Test
    void badPredicatesAreInputErrorsWithTheBackendsMessages() {
        rejected("/entities/by-query", "{\"query\": {\"metadata.tags\": {\"$contains\": {\"a\": \"b\"}}}}",
                "Object form of $contains is not supported for field \"metadata.tags\"");
        rejected("/entities/by-query", "{\"query\": {\"relations\": {\"$contains\": {\"targetRef\": \"x\"}}}}",
                "The $contains operator for \"relations\" requires a \"type\" string property");
        rejected("/entities/by-query", "{\"query\": {\"relations\": {\"$contains\": {\"type\": \"ownedBy\", \"target\": \"x\"}}}}",
                "Unsupported key \"target\" in $contains for \"relations\". Only \"type\" and \"targetRef\" are supported");
        rejected("/entities/by-query", "{\"query\": {\"relations\": {\"$contains\": {\"type\": \"ownedBy\", \"targetRef\": {\"$in\": []}}}}}",
                "Empty \"$in\" array for $contains on \"relations\" is not allowed");
        rejected("/entities/by-query", "{\"query\": {\"relations\": {\"$contains\": {\"type\": \"a\", \"Type\": \"b\"}}}}",
                "Duplicate key \"Type\" in $contains for \"relations\"");
        rejected("/entities/by-query", "{\"query\": {\"$all\": {\"kind\": \"x\"}}}",
                "Invalid query: Validation error: Expected array, received object at \"$all\"");
        rejected("/entities/by-query", "{\"query\": {\"$foo\": []}}", "Invalid query: Validation error: Unknown operator at \"$foo\"");
        rejected("/entities/by-query", "{\"query\": {\"$any\": [{\"kind\": null}]}}",
                "Invalid query: Validation error: Expected a string, number, boolean, {$exists}, {$in}, {$contains} or"
                        + " {$hasPrefix}, received null at \"$any.0.kind\"");
        rejected("/entities/by-query", "{\"query\": \"component\"}", "request/body/query must be object");
        rejected("/entities/by-query", "{\"orderBy\": [{\"field\": \"kind\", \"order\": \"up\"}]}",
                "request/body/orderBy/0/order must be equal to one of the allowed values: asc, desc");
        rejected("/entities/by-query", "{\"totalItems\": \"some\"}",
                "request/body/totalItems must be equal to one of the allowed values: include, exclude");
        rejected("/entities/by-query", "{\"cursor\": \"\"}", "Cursor cannot be empty");
        rejected("/entities/by-query", "{\"cursor\": \"not-a-cursor\"}", "Malformed cursor");
        rejected("/entity-facets", "{\"facets\": []}", "Missing or empty facets parameter");
        rejected("/entity-facets", "{\"facets\": [\"kind\"], \"query\": {\"kind\": [\"a\"]}}",
                "Invalid query: Validation error: Expected a string, number, boolean, {$exists}, {$in}, {$contains} or"
                        + " {$hasPrefix}, received [\"a\"] at \"kind\"");
    }

    @Test
    void facetsAndByRefsTakeAPredicate() {
        JsonPath facets = post("/entity-facets", """
                {"facets": ["spec.lifecycle", "kind", ""], "query": {"spec.owner": "team-a"}}""");
        assertEquals(List.of("production"), facets.getList("facets.'spec.lifecycle'.value"));
        assertEquals(List.of(2), facets.getList("facets.'spec.lifecycle'.count"));
        assertEquals(List.of("API", "Component", "Resource"), facets.getList("facets.kind.value"));
        assertEquals(List.of(), post("/entity-facets", "{\"facets\": [\"kind\"], \"query\": {\"$any\": []}}").getList("facets.kind"));
        given().contentType("application/json").body("""
                {"entityRefs": ["component:default/alpha", "group:default/team-a", "component:default/bravo"],
                 "query": {"kind": "component"}, "fields": ["metadata.name"]}""")
                .queryParam("filter", "spec.type=website").post("/api/catalog/entities/by-refs").then().statusCode(200)
                .body("items", contains(nullValue(), nullValue(), equalTo(java.util.Map.of("metadata", java.util.Map.of("name", "Bravo")))));
    }

    @Test
    void specArraysComeBackSortedAsBackstageSortsThem() {
        JsonPath alpha = given().get("/api/catalog/entities/by-name/component/default/alpha").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Component:Bravo", "component:charlie", "resource:db"), alpha.getList("spec.dependsOn"));
        assertEquals(List.of("delta-api", "zeta-api"), given().get("/api/catalog/entities/by-name/component/default/bravo")
                .then().extract().jsonPath().getList("spec.consumesApis"));
        assertEquals(List.of("Bob", "amy", "zed"), given().get("/api/catalog/entities/by-name/group/default/team-a")
                .then().extract().jsonPath().getList("spec.members"));
    }
}
