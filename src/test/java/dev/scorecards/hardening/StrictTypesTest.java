package dev.scorecards.hardening;

import static dev.scorecards.Catalog.component;
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

/** YAML tags beyond the core schema are refused naming the field; only http(s) links are links. */
@QuarkusTest
class StrictTypesTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        Catalog.wipe(dataSource);
        ingest("victim", "full", component("stored", "team", null)).statusCode(200);
    }

    @Test
    void yamlTagsOutsideTheCoreSchemaAreRefused() {
        ingest("victim", "full", component("x", "team", "blob: !!binary aGVsbG8=")).statusCode(400)
                .body("error.documents[0].message", equalTo(
                        "YAML error at line 9: the YAML tag !!binary on spec.blob is not supported"
                                + " (only strings, numbers, booleans, null, mappings and sequences)"));
        ingest("victim", "full", component("x", "team", "since: !!timestamp 2024-01-01")).statusCode(400)
                .body("error.documents[0].message", equalTo(
                        "YAML error at line 9: the YAML tag !!timestamp on spec.since is not supported"
                                + " (only strings, numbers, booleans, null, mappings and sequences)"));
        ingest("victim", "full", component("x", "team", "tags: [a, !secret b]")).statusCode(400)
                .body("error.documents[0].message", equalTo(
                        "YAML error at line 9: the YAML tag !secret on spec.tags[1] is not supported"
                                + " (only strings, numbers, booleans, null, mappings and sequences)"));
        ingest("victim", "full", component("x", "team", "extra: !custom {a: 1}")).statusCode(400)
                .body("error.documents[0].message", equalTo(
                        "YAML error at line 9: the YAML tag !custom on spec.extra is not supported"
                                + " (only strings, numbers, booleans, null, mappings and sequences)"));
        given().get("/api/catalog/entities?fields=metadata.name").then().body("metadata.name", contains("stored"));
    }

    @Test
    void coreTagsStillWork() {
        ingest("victim", "full", component("x", "team", "port: !!str 8080\ncount: !!int \"3\"")).statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/x").then()
                .body("spec.port", equalTo("8080")).body("spec.count", equalTo(3));
    }

    @Test
    void onlyWebLinksCountAsDocumentationSupportOrRunbook() {
        ingest("links", "full", """
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata:
                  name: tricky
                  links:
                    - {url: "javascript:alert(document.domain)", type: docs}
                    - {url: "data:text/html,<script>alert(1)</script>", type: support}
                    - {url: "file:///etc/passwd", type: runbook}
                spec:
                  owner: team
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata:
                  name: honest
                  links:
                    - {url: "https://docs.example.com/honest", type: docs}
                    - {url: "HTTP://chat.example.com/honest", type: support}
                    - {url: "http://wiki.example.com/runbook", type: runbook}
                spec:
                  owner: team
                """).statusCode(200);
        given().post("/api/scorecards/evaluate").then().statusCode(200);
        for (String[] expected : new String[][] {{"tricky", "false"}, {"honest", "true"}}) {
            given().get("/api/tech-insights/facts/latest?entity=system:default/" + expected[0] + "&ids[]=capability-facts")
                    .then().statusCode(200)
                    .body("'capability-facts'.facts.hasDocs", equalTo(Boolean.parseBoolean(expected[1])))
                    .body("'capability-facts'.facts.hasSupportChannel", equalTo(Boolean.parseBoolean(expected[1])))
                    .body("'capability-facts'.facts.hasRunbook", equalTo(Boolean.parseBoolean(expected[1])));
        }
    }
}
