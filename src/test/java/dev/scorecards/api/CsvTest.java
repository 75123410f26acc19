package dev.scorecards.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every list's CSV form over the example organisation: exact lines, the same items as the JSON, one convention. */
@QuarkusTest
class CsvTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    /** The lines of a list's CSV form (format=csv), checking the response's type and download name. */
    private static List<String> csv(String path, String file) {
        String body = given().urlEncodingEnabled(false).get(path + (path.contains("?") ? "&" : "?") + "format=csv")
                .then().statusCode(200).header("Content-Type", equalTo("text/csv; charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + file + "\"")).extract().asString();
        assertEquals("\r\n", body.substring(body.length() - 2), "every line ends with CRLF");
        return List.of(body.substring(0, body.length() - 2).split("\r\n", -1));
    }

    private static JsonPath json(String path) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void consumersTeamsBypassesAndTheTeamGraph() {
        assertEquals(List.of("ref,kind,ownerRef,teams,uses",
                "component:default/auth-service,component,group:default/identity,group:default/identity,api:default/secrets-api",
                "component:default/checkout-service,component,group:default/checkout,group:default/checkout,api:default/secrets-api",
                "component:default/growth-experiments,component,group:default/growth,group:default/growth,api:default/secrets-api",
                "component:default/order-service,component,group:default/fulfillment,group:default/fulfillment,api:default/secrets-api",
                "component:default/payments-service,component,group:default/payments,group:default/payments,api:default/secrets-api"),
                csv("/api/scorecards/capabilities/system/default/secrets-vault/consumers", "consumers.csv"));
        assertEquals(List.of("teamRef,title,members,produces,consumes",
                "group:default/acme,Acme Inc.,0,0,0",
                "group:default/catalog-team,Catalog,2,2,5",
                "group:default/checkout,Checkout,2,2,19",
                "group:default/data-platform,Data Platform,3,2,2",
                "group:default/developer-experience,Developer Experience,2,4,2",
                "group:default/fulfillment,Fulfillment,3,2,13",
                "group:default/growth,Growth,2,1,13",
                "group:default/identity,Identity,2,2,7",
                "group:default/integration-platform,Integration Platform,2,4,0",
                "group:default/mobile,Mobile,3,1,12",
                "group:default/observability,Observability,3,3,0",
                "group:default/payments,Payments,3,2,8",
                "group:default/platform,Platform,0,0,0",
                "group:default/platform-enablement,Platform Enablement,2,0,8",
                "group:default/product,Product,0,0,0",
                "group:default/search,Search,2,2,9",
                "group:default/security-platform,Security Platform,0,2,0"), csv("/api/scorecards/teams", "teams.csv"));
        // lists joined with ';', the bypasses and how each goes around in the same order
        assertEquals(List.of("entityRef,bypassCount,bypassingTeams,teamsInvolved,bypassRatio,bypasses,how,bypassingTeamRefs",
                "system:default/postgres-as-a-service,2,2,5,0.4,component:default/payments-ledger;"
                        + "component:default/growth-experiments,structural;declared,group:default/growth;group:default/payments"),
                csv("/api/scorecards/bypasses", "bypasses.csv"));
        List<String> edges = csv("/api/scorecards/teams/graph", "team-edges.csv");
        assertEquals("producer,consumer,weight", edges.get(0));
        assertEquals(List.of("group:default/catalog-team,group:default/checkout,2",
                "group:default/catalog-team,group:default/growth,1"), edges.subList(1, 3));
        assertEquals("group:default/security-platform,group:default/payments,1", edges.get(edges.size() - 1));
        List<String> fromJson = new ArrayList<>();
        for (Map<String, Object> e : json("/api/scorecards/teams/graph").<Map<String, Object>>getList("edges")) {
            fromJson.add(e.get("producer") + "," + e.get("consumer") + "," + e.get("weight"));
        }
        assertEquals(52, fromJson.size()); // 41, and 8 into the enablement team and 3 out of it
        assertEquals(fromJson, edges.subList(1, edges.size()));
    }

    @Test
    void historyAndTimeToFirstAdopter() {
        String ref = "/api/scorecards/capabilities/system/default/secrets-vault";
        List<String> history = csv(ref + "/history", "history.csv");
        assertEquals(List.of("at,level,levelIndex,adoption.level,adoption.percentage,documentation.level,"
                + "documentation.percentage,support-readiness.level,support-readiness.percentage,ci.level,ci.percentage,"
                + "consumers,removed,notPassing",
                json(ref + "/history").getString("items[0].at") + ",Integrated,1,Gold,100.0,,33.3,,40.0,,0.0,5,false,"
                        + "adoption.quick-first-adopter=NOT_APPLICABLE;adoption.satisfied-users=NOT_APPLICABLE;"
                        + "ci.build-label=NOT_REPORTED;ci.pass-rate=NOT_REPORTED;ci.pass-rate-reported=FAIL;"
                        + "documentation.api-definitions=FAIL;documentation.has-description=FAIL;documentation.has-docs=FAIL;"
                        + "documentation.source-location=FAIL;relied-on.documented=FAIL;relied-on.supported=FAIL;"
                        + "support-readiness.owner-has-members=FAIL;support-readiness.runbook=FAIL;"
                        + "support-readiness.support-channel=FAIL;support-readiness.support-load=NOT_APPLICABLE"), history);
        JsonPath ttfa = json("/api/scorecards/time-to-first-adopter");
        List<String> lines = csv("/api/scorecards/time-to-first-adopter", "time-to-first-adopter.csv");
        assertEquals("entityRef,firstSeenAt,firstConsumerAt,days,reason", lines.get(0));
        assertEquals(30, lines.size());
        assertEquals("api:default/events-api," + ttfa.getString("items.find { it.entityRef == 'api:default/events-api' }"
                + ".firstSeenAt") + ",,,no consumer yet", lines.get(3));
        String vault = "items.find { it.entityRef == 'system:default/secrets-vault' }";
        assertEquals("system:default/secrets-vault," + ttfa.getString(vault + ".firstSeenAt") + ","
                + ttfa.getString(vault + ".firstConsumerAt") + ",,the capability and its first consumer arrived in the"
                + " same ingestion", lines.get(28));
    }

    @Test
    void exemptionsTheirAuditAndPushedFacts() {
        String id = given().contentType("application/json").body("{\"entityRef\": \"system:default/secrets-vault\","
                + " \"checkId\": \"documentation.has-description\", \"reason\": \"=HYPERLINK(\\\"x\\\"), for now\","
                + " \"author\": \"alice\"}").post("/api/scorecards/exemptions").then().statusCode(201).extract().path("id");
        JsonPath exemptions = json("/api/scorecards/exemptions");
        // quoted (comma and quotes), and the formula defused with a leading '
        String exemption = "system:default/secrets-vault,documentation.has-description,\"'=HYPERLINK(\"\"x\"\"), for now\","
                + "alice,," + exemptions.getString("items[0].createdAt");
        assertEquals(List.of("id,entityRef,checkId,reason,author,expiresAt,createdAt", id + "," + exemption),
                csv("/api/scorecards/exemptions", "exemptions.csv"));
        JsonPath audit = json("/api/scorecards/exemptions/audit");
        assertEquals(List.of("id,exemptionId,action,actor,at,entityRef,checkId,reason,author,expiresAt,createdAt",
                audit.getInt("items[0].id") + "," + id + ",created,alice," + audit.getString("items[0].at") + ","
                        + exemption.substring(0, exemption.lastIndexOf(',') + 1)
                        + audit.getString("items[0].exemption.createdAt")),
                csv("/api/scorecards/exemptions/audit", "exemptions-audit.csv"));

        given().contentType("application/json").body("[{\"entityRef\": \"system:default/observability\", \"source\": \"ci\","
                + " \"timestamp\": \"2026-11-01T10:00:00Z\", \"facts\": {\"ci.passRate\": 0.97, \"ci.owners\": [\"a\", \"b\"],"
                + " \"ci.delta\": -3}}]").post("/api/scorecards/facts").then().statusCode(200);
        JsonPath facts = json("/api/scorecards/facts/system/default/observability");
        String received = facts.getString("history[0].receivedAt");
        List<String> lines = csv("/api/scorecards/facts/system/default/observability", "facts.csv");
        assertEquals("name,value,source,observedAt,receivedAt", lines.get(0));
        // a negative number stays a number; a list is joined with ';'
        assertEquals(List.of("ci.delta,-3,ci,2026-11-01T10:00:00Z," + received,
                "ci.owners,a;b,ci,2026-11-01T10:00:00Z," + received,
                "ci.passRate,0.97,ci,2026-11-01T10:00:00Z," + received), lines.subList(1, 4).stream().sorted().toList());
    }

    @Test
    void scorecardDefinitions() {
        JsonPath cards = json("/api/scorecards/scorecards");
        List<String> lines = csv("/api/scorecards/scorecards", "scorecards.csv");
        assertEquals("id,name,description,levels,ladder,checks,file", lines.get(0));
        assertEquals(List.of("adoption", "documentation", "support-readiness", "relied-on", "ci"),
                lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        assertEquals("ci,Continuous integration,Builds are green and measured.,Measured;Green,false,"
                + "ci.pass-rate-reported;ci.pass-rate;ci.build-label," + cards.getString("[4].file"), lines.get(5));
        assertEquals("relied-on,Relied on," + cards.getString("[3].description") + ",Shipped;Integrated;Documented;"
                + "Supported;Adopted;Relied on,true,relied-on.registered;relied-on.integrated;relied-on.documented;"
                + "relied-on.supported;relied-on.adopted;relied-on.relied-on," + cards.getString("[3].file"),
                lines.get(4));
        // Accept: text/csv without format gives the same
        assertEquals(String.join("\r\n", lines) + "\r\n", given().accept("text/csv").get("/api/scorecards/scorecards")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void catalogEntitiesAndLocations() {
        String path = "/api/catalog/entities?filter=kind=system,metadata.name=secrets-vault&filter=kind=system,"
                + "metadata.name=customer-identity&order=asc:metadata.name";
        JsonPath entities = json(path);
        assertEquals(List.of("entityRef,apiVersion,kind,namespace,name,title,description,owner,type,lifecycle,system,domain,"
                + "tags,uid",
                "system:default/customer-identity,backstage.io/v1alpha1,System,default,customer-identity,Customer identity,"
                        + "\"Customer accounts, login, sessions and profiles.\",identity,,,,commerce,identity,"
                        + entities.getString("[0].metadata.uid"),
                "system:default/secrets-vault,backstage.io/v1alpha1,System,default,secrets-vault,,,security-platform,,,,"
                        + "platform,," + entities.getString("[1].metadata.uid")), csv(path, "entities.csv"));
        // a description ending in a line break stays one quoted cell; offset and limit apply
        assertEquals(List.of("entityRef,apiVersion,kind,namespace,name,title,description,owner,type,lifecycle,system,domain,"
                + "tags,uid", "system:default/feature-flags,backstage.io/v1alpha1,System,default,feature-flags,Feature Flags,"
                + "\"Runtime feature flags and percentage rollouts, evaluated in-process by the SDKs with a gRPC API for"
                + " server-side evaluation. Currently in beta with two pilot teams.\n\",developer-experience,,,,platform,"
                + "feature-flags;grpc," + json("/api/catalog/entities/by-name/system/default/feature-flags")
                        .getString("metadata.uid")),
                csv("/api/catalog/entities?filter=kind=system&order=asc:metadata.name&offset=2&limit=1", "entities.csv"));

        JsonPath locations = json("/api/catalog/locations");
        assertEquals(List.of("id,type,target", locations.getString("[0].data.id") + ",file,"
                + java.nio.file.Path.of("catalog-examples/all.yaml").toAbsolutePath()),
                csv("/api/catalog/locations", "locations.csv"));
    }

    @Test
    void oneConventionForEveryList() {
        // Accept asks for CSV when format is absent and JSON is not acceptable too
        given().header("Accept", "text/csv").get("/api/scorecards/teams").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).body(startsWith("teamRef,title,members,produces,consumes\r\n"));
        given().header("Accept", "text/csv, application/json").get("/api/scorecards/teams").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"));
        given().header("Accept", "text/csv").get("/api/catalog/locations").then().statusCode(200)
                .body(startsWith("id,type,target\r\n"));
        // format wins over Accept, and anything but json or csv is refused
        given().header("Accept", "text/csv").get("/api/scorecards/bypasses?format=json").then().statusCode(200)
                .body("capabilities", equalTo(1));
        for (String path : List.of("/api/scorecards/teams", "/api/scorecards/bypasses", "/api/scorecards/exemptions",
                "/api/scorecards/capabilities", "/api/catalog/entities", "/api/catalog/locations")) {
            given().get(path + "?format=xml").then().statusCode(400).body("error.name", equalTo("InputError"))
                    .body("error.message", equalTo("Invalid format 'xml': json or csv"));
        }
        given().get("/api/scorecards/teams/graph?format=xml").then().statusCode(400)
                .body("error.message", equalTo("Invalid format 'xml': json or csv"));
        // unknown capability: the JSON error, whatever the format
        given().get("/api/scorecards/capabilities/system/default/nope/consumers?format=csv").then().statusCode(404)
                .body("error.name", equalTo("NotFoundError"));
    }
}
