package dev.scorecards.api;

import static dev.scorecards.Catalog.component;
import static dev.scorecards.Catalog.ingest;
import static dev.scorecards.Catalog.ingestJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/catalog/ingest}: full and delta sources, all-or-nothing, conflicts, formats. */
@QuarkusTest
class IngestTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        Catalog.wipe(dataSource);
    }

    private static final String TWO = component("a", "team", null) + "---\n" + component("b", "team", null);

    @Test
    void fullIngestionCreatesThenReportsUnchangedUpdatedAndRemoved() {
        ingest("s1", "full", TWO).statusCode(200)
                .body("source", equalTo("s1")).body("mode", equalTo("full")).body("documents", equalTo(2))
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("removed", equalTo(0)).body("conflicts", hasSize(0));

        ingest("s1", "full", TWO).statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(2));

        String changed = component("a", "other-team", null) + "---\n" + component("c", "team", null);
        ingest("s1", "full", changed).statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(0))
                .body("removed", equalTo(1));

        given().get("/api/catalog/entities?fields=metadata.name").then().statusCode(200)
                .body("metadata.name", contains("a", "c"));
        given().get("/api/catalog/entities/by-name/component/default/a").then().statusCode(200)
                .body("spec.owner", equalTo("other-team"));
        given().get("/api/catalog/entities/by-name/component/default/b").then().statusCode(404);
    }

    @Test
    void aDocumentOfferedAsStoredCostsItsHashAndKeepsItsEntityRelationsAndChecks() throws Exception {
        String withRelations = component("a", "team", "dependsOn: [component:b]") + "---\n" + component("b", "team", null);
        ingest("s1", "full", withRelations).statusCode(200).body("created", equalTo(2));
        java.util.Map<String, String> before = rows();
        assertEquals(2, before.size());
        ingest("s1", "full", withRelations).statusCode(200).body("documents", equalTo(2))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2))
                .body("removed", equalTo(0));
        assertEquals(before, rows()); // neither written again nor its input hash changed
        given().get("/api/catalog/entities/by-name/component/default/a").then().statusCode(200)
                .body("relations.targetRef", org.hamcrest.Matchers.containsInAnyOrder("component:default/b", "group:default/team"));
        // a duplicate of an unchanged document is still refused, naming the first
        ingest("s1", "full", withRelations + "---\n" + component("a", "team", "dependsOn: [component:b]")).statusCode(400)
                .body("error.documents", hasSize(1)).body("error.documents[0].index", equalTo(2))
                .body("error.documents[0].message", equalTo("Duplicate nested entity: component:default/a (also document 0)"));
        // the same document under another source is that source's claim, not an unchanged entity
        ingest("s2", "full", component("b", "team", null)).statusCode(200).body("unchanged", equalTo(0))
                .body("conflicts", hasSize(1));
        // one changed document is processed, the other costs its hash
        ingest("s1", "full", component("a", "team", "dependsOn: [component:b]") + "---\n" + component("b", "other", null))
                .statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        given().get("/api/catalog/entities/by-name/component/default/b").then().statusCode(200)
                .body("spec.owner", equalTo("other"));
    }

    /** ref → input hash and update time of every stored entity. */
    private java.util.Map<String, String> rows() throws java.sql.SQLException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select ref, input_hash, updated_at from catalog_entity")) {
            while (rs.next()) {
                assertEquals(64, rs.getString(2).length());
                out.put(rs.getString(1), rs.getString(2) + " " + rs.getTimestamp(3));
            }
        }
        return out;
    }

    @Test
    void uidAndEtagOfAnExportedEntityAreReplacedByTheCatalogsOwn() {
        String exported = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: exported\n"
                + "  uid: 00000000-0000-0000-0000-000000000001\n  etag: old-etag\n"
                + "spec: {type: service, lifecycle: production, owner: team}\n";
        ingest("s1", "delta", exported).statusCode(200).body("created", equalTo(1));
        String body = given().get("/api/catalog/entities/by-name/component/default/exported").then().statusCode(200)
                .body("metadata.uid", org.hamcrest.Matchers.not(equalTo("00000000-0000-0000-0000-000000000001")))
                .body("metadata.etag", org.hamcrest.Matchers.not(equalTo("old-etag"))).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, body.split("\"uid\"").length - 1, body);
        org.junit.jupiter.api.Assertions.assertEquals(1, body.split("\"etag\"").length - 1, body);
    }

    @Test
    void deltaIngestionUpsertsAndNeverRemoves() {
        ingest("s1", "delta", TWO).statusCode(200).body("created", equalTo(2));
        ingest("s1", "delta", component("c", "team", null)).statusCode(200)
                .body("created", equalTo(1)).body("removed", equalTo(0)).body("mode", equalTo("delta"));
        given().get("/api/catalog/entities?fields=metadata.name").then()
                .body("metadata.name", contains("a", "b", "c"));
    }

    @Test
    void oneBadDocumentRejectsTheWholeRequestListingEveryBadDocument() {
        ingest("s1", "full", TWO).statusCode(200);
        String bad = component("a", "changed", null)
                + "---\n" + component("Bad Name", "team", null)
                + "---\n" + "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  type: service\n";
        ingest("s1", "full", bad).statusCode(400)
                .body("error.name", equalTo("InputError"))
                .body("error.message", startsWith("2 documents of the request are invalid; nothing was stored. "
                        + "Document 1 (component:default/bad name), field metadata.name: "))
                .body("error.documents", hasSize(2))
                .body("error.documents[0].index", equalTo(1))
                .body("error.documents[0].entityRef", equalTo("component:default/bad name"))
                .body("error.documents[0].field", equalTo("metadata.name"))
                .body("error.documents[0].message", equalTo("Policy check failed for component:default/bad name;"
                        + " caused by Error: \"metadata.name\" is not valid; expected a string that is sequences of"
                        + " [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found \"Bad Name\"."
                        + " To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md"))
                .body("error.documents[1].index", equalTo(2))
                .body("error.documents[1].field", equalTo("spec.lifecycle"))
                .body("request.method", equalTo("POST"))
                .body("request.url", equalTo("/api/catalog/ingest?source=s1&mode=full"))
                .body("response.statusCode", equalTo(400));
        // nothing of the refused request was stored, nothing stored before was lost
        given().get("/api/catalog/entities?fields=metadata.name,spec.owner").then()
                .body("metadata.name", contains("a", "b")).body("spec.owner", contains("team", "team"));
    }

    @Test
    void aSecondSourceClaimingAnEntityIsAConflictNotAnOverwrite() {
        ingest("first", "full", TWO).statusCode(200);
        ingest("second", "full", component("b", "intruder", null) + "---\n" + component("d", "team", null))
                .statusCode(200).body("created", equalTo(1))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].index", equalTo(0))
                .body("conflicts[0].entityRef", equalTo("component:default/b"))
                .body("conflicts[0].ownerSource", equalTo("push:first"))
                .body("conflicts[0].message", equalTo("Entity component:default/b is already provided by source"
                        + " 'push:first'; the claim of 'push:second' was refused"));
        given().get("/api/catalog/entities/by-name/component/default/b").then()
                .body("spec.owner", equalTo("team"))
                .body("status.items", hasSize(1))
                .body("status.items[0].type", equalTo("backstage.io/catalog-processing"))
                .body("status.items[0].level", equalTo("warning"))
                .body("status.items[0].error.name", equalTo("ConflictError"));
        // the second source stops claiming it: the status clears
        ingest("second", "full", component("d", "team", null)).statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/b").then().body("status", nullValue());
    }

    @Test
    void refsDifferingOnlyInCaseAreTheSameEntity() {
        ingest("s1", "full", component("Service-A", "team", null)).statusCode(200).body("created", equalTo(1));
        ingest("s1", "delta", component("service-a", "team", null)).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(1));
        given().get("/api/catalog/entities/by-name/COMPONENT/Default/SERVICE-A").then().statusCode(200)
                .body("metadata.name", equalTo("service-a"));
    }

    @Test
    void duplicateDocumentsInOneRequestAreRefused() {
        ingest("s1", "full", TWO + "---\n" + component("A", "team", null)).statusCode(400)
                .body("error.documents", hasSize(1))
                .body("error.documents[0].index", equalTo(2))
                .body("error.documents[0].message", equalTo("Duplicate nested entity: component:default/a (also document 0)"));
    }

    @Test
    void acceptsJsonDocumentsArraysAndYamlSequences() {
        String json = """
                [{"apiVersion":"backstage.io/v1alpha1","kind":"Group","metadata":{"name":"team"},"spec":{"type":"team","children":[]}},
                 {"apiVersion":"backstage.io/v1alpha1","kind":"User","metadata":{"name":"ann"},"spec":{"memberOf":["team"]}}]
                """;
        ingestJson("people", "full", json).statusCode(200).body("created", equalTo(2));
        ingestJson("one", "full", "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Domain\",\"metadata\":{\"name\":\"d\"},\"spec\":{\"owner\":\"team\"}}")
                .statusCode(200).body("created", equalTo(1));
        ingest("seq", "full", "- apiVersion: backstage.io/v1alpha1\n  kind: System\n  metadata: {name: s}\n  spec: {owner: team}\n")
                .statusCode(200).body("created", equalTo(1));
        // empty documents (a trailing ---) are skipped, as Backstage skips them
        ingest("blank", "full", "---\n" + component("z", "team", null) + "---\n").statusCode(200)
                .body("documents", equalTo(1));
    }

    @Test
    void rejectsABadSourceOrMode() {
        ingest("bad source!", "full", TWO).statusCode(400).body("error.message", startsWith("Invalid source 'bad source!'"));
        ingest("s1", "everything", TWO).statusCode(400)
                .body("error.message", equalTo("Invalid mode 'everything': expected 'full' or 'delta'"));
    }

    @Test
    void placeholdersInPushedDocumentsAreRefusedClearly() {
        String api = """
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: petstore}
                spec:
                  type: openapi
                  lifecycle: production
                  owner: team
                  definition:
                    $text: ./petstore.yaml
                """;
        ingest("s1", "full", api).statusCode(400)
                .body("error.documents[0].field", equalTo("spec.definition"))
                .body("error.documents[0].message", equalTo("Processor PlaceholderProcessor threw an error while"
                        + " preprocessing; caused by Error: Placeholder $text cannot be resolved in a pushed document;"
                        + " register the file as a Location to resolve ./petstore.yaml"));
    }
}
