package dev.scorecards.hardening;

import static dev.scorecards.Catalog.component;
import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A NUL ({@code \u0000}, {@code %00}) anywhere (path, query, JSON or YAML body, key or value) is a 400
 * InputError in the envelope naming the field, never a 500; nothing stored changes.
 */
@QuarkusTest
class UnstorableInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        Catalog.wipe(dataSource);
        ingest("victim", "full", component("stored", "team", null)).statusCode(200);
    }

    private static void refused(HttpResponse<String> r, String message) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("InputError", body.path("error").path("name").asText(), r.body());
        assertEquals(message, body.path("error").path("message").asText(), r.body());
        assertEquals(400, body.path("response").path("statusCode").asInt());
    }

    private static String nul(String field) {
        return "Malformed request: " + field + " contains a NUL character (\\u0000), which cannot be stored";
    }

    @Test
    void pathSegmentsAndQueryParametersAnywhere() throws Exception {
        refused(Raw.get("/api/catalog/entities/by-name/component/default/sto%00red"), nul("the path"));
        refused(Raw.get("/api/scorecards/capabilities/component/default/x%00/history"), nul("the path"));
        refused(Raw.get("/api/scorecards/badges/system/default/x%00y/adoption.svg"), nul("the path"));
        refused(Raw.get("/capabilities/system/default/x%00"), nul("the path"));
        refused(Raw.get("/api/catalog/entities?filter=kind=comp%00onent"), nul("query parameter 'filter'"));
        refused(Raw.get("/api/catalog/entities/by-query?fullTextFilterTerm=a%00b"),
                nul("query parameter 'fullTextFilterTerm'"));
        refused(Raw.get("/api/catalog/entity-facets?facet=kind%00"), nul("query parameter 'facet'"));
        refused(Raw.get("/api/scorecards/capabilities?q=%00&owner=x"), nul("query parameter 'q'"));
        refused(Raw.get("/api/scorecards/exemptions?entityRef=component:default/a%00"), nul("query parameter 'entityRef'"));
        refused(Raw.get("/api/tech-insights/facts/latest?entity=component:default/a%00&ids[]=x"),
                nul("query parameter 'entity'"));
        stillStored();
    }

    @Test
    void jsonBodiesNameTheField() throws Exception {
        refused(Raw.post("/api/catalog/entities/by-refs", "application/json",
                "{\"entityRefs\": [\"component:default/stored\", \"component:default/a\\u0000\"]}"),
                nul("body field entityRefs[1]"));
        refused(Raw.post("/api/scorecards/facts", "application/json",
                "[{\"entityRef\": \"component:default/stored\", \"source\": \"ci\", \"facts\": {\"ci.x\": \"a\\u0000\"}}]"),
                nul("body field [0].facts.ci.x"));
        refused(Raw.post("/api/scorecards/facts", "application/json",
                "[{\"entityRef\": \"component:default/stored\", \"source\": \"ci\", \"facts\": {\"ci\\u0000x\": 1}}]"),
                nul("body field [0].facts.ci\\u0000x (a key)"));
        refused(Raw.post("/api/catalog/locations", "application/json",
                "{\"type\": \"url\", \"target\": \"http://localhost/\\u0000\"}"), nul("body field target"));
        refused(Raw.post("/api/scorecards/exemptions", "application/json",
                "{\"entityRef\": \"component:default/stored\", \"checkId\": \"adoption.x\", \"reason\": \"\\u0000\"}"),
                nul("body field reason"));
        refused(Raw.post("/api/scorecards/capabilities/component/default/stored/feedback", "application/json",
                "{\"score\": 4, \"comment\": \"nice\\u0000\"}"), nul("body field comment"));
        refused(Raw.post("/api/catalog/refresh", "application/json", "{\"entityRef\": \"\\u0000\"}"),
                nul("body field entityRef"));
        refused(Raw.post("/api/tech-insights/checks/run", "application/json", "{\"checks\": [\"\\u0000\"]}"),
                nul("body field checks[0]"));
        stillStored();
    }

    @Test
    void ingestedDocumentsNameDocumentAndField() {
        ingest("victim", "full", component("stored", "team", null) + "---\n"
                + component("other", "team", "system: \"sys\\0tem\"")).statusCode(400)
                .body("error.documents[0].index", org.hamcrest.Matchers.equalTo(1))
                .body("error.documents[0].message", org.hamcrest.Matchers.containsString(
                        "spec.system contains a NUL character (\\u0000), which cannot be stored"));
        Catalog.ingestJson("victim", "full", "{\"apiVersion\": \"backstage.io/v1alpha1\", \"kind\": \"Component\","
                + " \"metadata\": {\"name\": \"x\", \"annotations\": {\"a\\u0000\": \"b\"}},"
                + " \"spec\": {\"type\": \"service\", \"lifecycle\": \"production\", \"owner\": \"team\"}}")
                .statusCode(400)
                .body("error.documents[0].message", org.hamcrest.Matchers.containsString(
                        "metadata.annotations.a\\u0000 (a key) contains a NUL character"));
        stillStored();
    }

    @Test
    void byRefsWantsStrings() throws Exception {
        refused(Raw.post("/api/catalog/entities/by-refs", "application/json", "{\"entityRefs\": [\"component:default/stored\", 7]}"),
                "Malformed request: entityRefs[1] must be a string");
        refused(Raw.post("/api/catalog/entities/by-refs", "application/json", "{\"entityRefs\": [{\"kind\": \"x\"}]}"),
                "Malformed request: entityRefs[0] must be a string");
        refused(Raw.post("/api/catalog/entities/by-refs", "application/json", "{\"entityRefs\": [], \"fields\": [null]}"),
                "Malformed request: fields[0] must be a string");
    }

    private static void stillStored() {
        given().get("/api/catalog/entities?fields=metadata.name,spec.owner").then()
                .body("metadata.name", contains("stored")).body("spec.owner", contains("team"));
    }
}
