package dev.scorecards.api;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Relations derived as Backstage derives them: both directions, default kinds and namespaces, dangling kept. */
@QuarkusTest
class RelationsTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        Catalog.wipe(dataSource);
    }

    private static final String ORG = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: {name: web, namespace: shop}
            spec:
              type: website
              lifecycle: production
              owner: team-a
              system: storefront
              subcomponentOf: frontend
              providesApis: [web-api]
              consumesApis: [default/payments-api]
              dependsOn: [resource:db, Component:Default/Auth]
              dependencyOf: [component:edge]
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: {name: team-a, namespace: shop}
            spec: {type: team, parent: org, children: [], members: [ann]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: {name: ann, namespace: shop}
            spec: {memberOf: [team-a]}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata: {name: storefront, namespace: shop}
            spec: {owner: user:ann, domain: commerce}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Domain
            metadata: {name: commerce, namespace: shop}
            spec: {owner: team-a, subdomainOf: business}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Resource
            metadata: {name: db, namespace: shop}
            spec: {type: database, owner: team-a, system: storefront, dependsOn: [resource:disk], dependencyOf: [component:web]}
            """;

    @Test
    void everySpecReferenceGivesBothDirectionsSortedByTypeAndTarget() {
        ingest("shop", "full", ORG).statusCode(200).body("created", equalTo(6));
        webHasItsRelations("api:default/payments-api");
    }

    /** web's relations as ORG declares them, consuming {@code consumedApi}: both directions, sorted. */
    private static void webHasItsRelations(String consumedApi) {
        given().get("/api/catalog/entities/by-name/component/shop/web").then()
                .body("relations.type", contains("consumesApi", "dependencyOf",
                        "dependsOn", "dependsOn", "ownedBy", "partOf", "partOf", "providesApi"))
                .body("relations.targetRef", contains(consumedApi, "component:shop/edge",
                        "component:default/auth", "resource:shop/db", "group:shop/team-a",
                        "component:shop/frontend", "system:shop/storefront", "api:shop/web-api"));
    }

    @Test
    void inversesAppearOnTheTargetsAndDuplicatesAreMerged() {
        ingest("shop", "full", ORG).statusCode(200);
        // team-a: members [ann] and ann memberOf [team-a] declare the same pair twice; shown once
        given().get("/api/catalog/entities/by-name/group/shop/team-a").then()
                .body("relations.type", contains("childOf", "hasMember", "ownerOf", "ownerOf", "ownerOf"))
                .body("relations.targetRef", contains("group:shop/org", "user:shop/ann", "component:shop/web",
                        "domain:shop/commerce", "resource:shop/db"));
        given().get("/api/catalog/entities/by-name/user/shop/ann").then()
                .body("relations.type", contains("memberOf", "ownerOf"))
                .body("relations.targetRef", contains("group:shop/team-a", "system:shop/storefront"));
        given().get("/api/catalog/entities/by-name/resource/shop/db").then()
                .body("relations.type", contains("dependencyOf", "dependsOn", "ownedBy", "partOf"))
                .body("relations.targetRef", contains("component:shop/web", "resource:shop/disk",
                        "group:shop/team-a", "system:shop/storefront"));
        given().get("/api/catalog/entities/by-name/system/shop/storefront").then()
                .body("relations.type", contains("hasPart", "hasPart", "ownedBy", "partOf"))
                .body("relations.targetRef", contains("component:shop/web", "resource:shop/db", "user:shop/ann",
                        "domain:shop/commerce"));
        given().get("/api/catalog/entities/by-name/domain/shop/commerce").then()
                .body("relations.type", contains("hasPart", "ownedBy", "partOf"))
                .body("relations.targetRef", contains("system:shop/storefront", "group:shop/team-a",
                        "domain:shop/business"));
    }

    @Test
    void danglingRelationsAreKeptAndFilledInWhenTheTargetArrives() {
        ingest("shop", "full", ORG).statusCode(200);
        given().get("/api/catalog/entities?filter=relations.dependsOn=resource:shop/disk&fields=metadata.name").then()
                .body("metadata.name", contains("db"));
        String disk = "apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata: {name: disk, namespace: shop}\n"
                + "spec: {type: volume, owner: team-a}\n";
        ingest("infra", "full", disk).statusCode(200);
        given().get("/api/catalog/entities/by-name/resource/shop/disk").then()
                .body("relations.type", contains("dependencyOf", "ownedBy"))
                .body("relations.targetRef", contains("resource:shop/db", "group:shop/team-a"));
        // removing the declaring entity removes the inverse from the target, and its etag changes
        String etag = given().get("/api/catalog/entities/by-name/resource/shop/disk").then().extract()
                .path("metadata.etag");
        ingest("shop", "full", ORG.substring(0, ORG.indexOf("---"))).statusCode(200).body("removed", equalTo(5));
        given().get("/api/catalog/entities/by-name/resource/shop/disk").then()
                .body("relations.type", contains("ownedBy"))
                .body("metadata.etag", org.hamcrest.Matchers.not(equalTo(etag)));
        given().get("/api/catalog/entities/by-name/group/shop/team-a").then().statusCode(404);
    }

    @Test
    void anUpdatedEntityKeepsItsRelationsUnlessItDeclaresOthers() {
        ingest("shop", "full", ORG).statusCode(200).body("created", equalTo(6));
        String etag = given().get("/api/catalog/entities/by-name/resource/shop/db").then().extract()
                .path("metadata.etag");
        // a new description leaves the declared relations as they are, so the neighbours' answers stay the same
        String described = ORG.replace("metadata: {name: web, namespace: shop}",
                "metadata: {name: web, namespace: shop, description: The web shop}");
        ingest("shop", "full", described).statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(5));
        given().get("/api/catalog/entities/by-name/component/shop/web").then()
                .body("metadata.description", equalTo("The web shop"));
        webHasItsRelations("api:default/payments-api");
        given().get("/api/catalog/entities/by-name/resource/shop/db").then().body("metadata.etag", equalTo(etag));
        // declaring other relations replaces them (a target named twice is one relation)
        String rewired = described.replace("consumesApis: [default/payments-api]",
                "consumesApis: [default/billing-api, Default/Billing-API]");
        ingest("shop", "full", rewired).statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(5));
        webHasItsRelations("api:default/billing-api");
        given().get("/api/catalog/entities?filter=relations.consumesApi=api:default/payments-api&fields=metadata.name")
                .then().body("metadata.name", org.hamcrest.Matchers.empty());
        given().get("/api/catalog/entities?filter=relations.consumesApi=api:default/billing-api&fields=metadata.name")
                .then().body("metadata.name", contains("web"));
        given().get("/api/catalog/entities/by-name/resource/shop/db").then().body("metadata.etag", equalTo(etag));
    }
}
