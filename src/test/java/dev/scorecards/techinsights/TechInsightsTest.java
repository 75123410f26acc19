package dev.scorecards.techinsights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Tech Insights API answers from the example organisation's stored results and facts, in the
 * shapes the Tech Insights client expects (the contract filter checks every response's schema).
 */
@QuarkusTest
class TechInsightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TI = "/api/tech-insights";
    /** Every check in force in the tests: the defaults plus src/test/resources/scorecards/ci.yaml. */
    private static final List<String> IDS = List.of("adoption.has-consumer", "adoption.consuming-teams",
            "adoption.no-bypasses", "adoption.adoption-rate", "adoption.not-falling", "adoption.satisfied-users",
            "adoption.quick-first-adopter", "documentation.has-description", "documentation.owner-is-group",
            "documentation.has-docs", "documentation.lifecycle-set", "documentation.api-definitions",
            "documentation.source-location", "support-readiness.owner-has-members", "support-readiness.on-call",
            "support-readiness.support-channel", "support-readiness.runbook", "support-readiness.production",
            "support-readiness.support-load",
            "relied-on.registered", "relied-on.integrated", "relied-on.documented", "relied-on.supported",
            "relied-on.adopted", "relied-on.relied-on", "ci.pass-rate-reported", "ci.pass-rate", "ci.build-label");

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() {
        Catalog.examples(dataSource);
    }

    private static JsonNode ok(RequestSpecification request, String method, String path) {
        String body = request.request(method, path).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode run(String path, String body) {
        return ok(given().contentType("application/json").body(body), "POST", TI + path);
    }

    private static JsonNode get(String path) {
        return ok(given(), "GET", path);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    private static Map<String, JsonNode> byCheck(JsonNode results) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        results.forEach(r -> out.put(r.path("check").path("id").asText(), r));
        return out;
    }

    /** Check id → state, as our own capability API shows them. */
    private static Map<String, String> states(String ref) {
        JsonNode c = get("/api/scorecards/capabilities/" + ref.replace(':', '/'));
        Map<String, String> out = new LinkedHashMap<>();
        c.path("scorecards").forEach(s -> s.path("checks").forEach(k -> out.put(k.path("id").asText(),
                k.path("state").asText())));
        return out;
    }

    private static void push(String json) {
        given().contentType("application/json").body(json).post("/api/scorecards/facts").then().statusCode(200)
                .body("rejected", equalTo(0));
    }

    @Test
    void checksAreEveryCheckOnceWithStableIds() {
        JsonNode checks = get(TI + "/checks");
        assertEquals(IDS, texts(checks, "id"));
        checks.forEach(c -> assertEquals("json-rules-engine", c.path("type").asText()));
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        checks.forEach(c -> byId.put(c.path("id").asText(), c));
        assertEquals("""
                {"id":"adoption.has-consumer","type":"json-rules-engine","name":"Has a consumer",\
                "description":"At least one entity outside the capability consumes one of its APIs or depends on one of its parts.",\
                "factIds":["capability-facts"],"metadata":{"category":"Adoption","rank":1,"scorecard":"adoption","level":"Bronze",\
                "levelIndex":0,"weight":1.0,"solution":"Find a first adopter and have its component declare consumesApi\
                 (or dependsOn) in its catalog-info.yaml.","expression":"facts.consumerCount >= 1"},"failureMetadata":{"remediation":\
                "Find a first adopter and have its component declare consumesApi (or dependsOn) in its catalog-info.yaml."},\
                "links":[{"title":"How to fix","url":\
                "https://backstage.io/docs/features/software-catalog/descriptor-format#specconsumesapis-optional"}]}""",
                byId.get("adoption.has-consumer").toString());
        assertEquals("""
                {"category":"Relied on","rank":2,"scorecard":"relied-on","level":"Documented","levelIndex":2,"weight":1.0,\
                "requires":["documentation.*"]}""", byId.get("relied-on.documented").path("metadata").toString());
        assertEquals(List.of("scorecard-results"), texts(byId.get("relied-on.documented").path("factIds"), null));
        assertEquals(List.of("pushed-facts"), texts(byId.get("ci.pass-rate").path("factIds"), null));
        assertEquals(List.of("pushed-facts"), texts(byId.get("ci.pass-rate-reported").path("factIds"), null));
        assertEquals(List.of("capability-facts", "pushed-facts"), texts(byId.get("ci.build-label").path("factIds"), null));
        assertEquals("facts.kind == 'system'", byId.get("ci.build-label").path("metadata").path("applies").asText());
        assertFalse(byId.get("support-readiness.owner-has-members").has("links"));
        // what the Tech Insights Maturity plugin reads: every check named, described, in an area with a rank
        Map<String, List<Integer>> ranks = new LinkedHashMap<>();
        checks.forEach(c -> {
            assertFalse(c.path("name").asText().isBlank(), c.toString());
            assertFalse(c.path("description").asText().isBlank(), c.toString());
            ranks.computeIfAbsent(c.path("metadata").path("category").asText(), k -> new ArrayList<>())
                    .add(c.path("metadata").path("rank").asInt());
        });
        assertEquals(Map.of("Adoption", List.of(1, 2, 2, 3, 3, 3, 3), "Documentation", List.of(1, 1, 2, 2, 3, 3),
                "Support readiness", List.of(1, 2, 2, 3, 3, 3), "Relied on", List.of(1, 1, 2, 2, 3, 3),
                "Continuous integration", List.of(1, 2, 2)), ranks);
        assertEquals("The capability has a metadata.description saying what it offers.",
                byId.get("documentation.has-description").path("description").asText());
    }

    @Test
    void runningChecksForOneCapabilityGivesItsStoredStatesAsBooleans() {
        JsonNode results = run("/checks/run/default/system/secrets-vault", "{}");
        assertEquals(IDS, new ArrayList<>(byCheck(results).keySet()));
        Map<String, String> states = states("system:default/secrets-vault");
        for (JsonNode r : results) {
            String state = states.get(r.path("check").path("id").asText());
            assertEquals(state, r.path("check").path("metadata").path("state").asText());
            assertEquals(Set.of("PASS", "EXEMPT", "NOT_APPLICABLE").contains(state), r.path("result").asBoolean());
        }
        Map<String, JsonNode> by = byCheck(results);
        List<Boolean> documentation = new ArrayList<>();
        IDS.stream().filter(id -> id.startsWith("documentation.")).forEach(id -> documentation.add(by.get(id)
                .path("result").asBoolean()));
        assertEquals(List.of(false, true, false, true, false, false), documentation);

        JsonNode definitions = by.get("documentation.api-definitions");
        assertEquals("Every API of the capability has a definition that parses and defines at least one operation,"
                + " channel, type or rpc.\n\n**Fails:** apiCount = 1, apisWithDefinition = 0\n\nGive each API a real"
                + " spec.definition (OpenAPI, AsyncAPI, GraphQL or gRPC), for example with $text pointing at the spec"
                + " file.", definitions.path("check").path("description").asText());
        assertEquals("""
                {"apiCount":{"id":"capability-facts","type":"integer","description":"APIs among the capability's parts.",\
                "value":1},"apisWithDefinition":{"id":"capability-facts","type":"integer","description":\
                "APIs whose definition parses and defines at least one operation, channel, type or rpc.","value":0}}""",
                definitions.path("facts").toString());
        assertEquals("FAIL", definitions.path("check").path("metadata").path("state").asText());
        assertEquals("apiCount = 1, apisWithDefinition = 0", definitions.path("check").path("metadata").path("reason").asText());
        assertTrue(definitions.path("check").path("metadata").path("remediation").asText().startsWith("Give each API"));
        // a passing check carries no remediation, and its description is the definition's
        JsonNode owner = by.get("documentation.owner-is-group");
        assertFalse(owner.path("check").path("metadata").has("remediation"));
        assertEquals("spec.owner resolves to a Group in the catalog.", owner.path("check").path("description").asText());

        JsonNode satisfied = by.get("adoption.satisfied-users");
        assertTrue(satisfied.path("result").asBoolean());
        assertEquals("NOT_APPLICABLE", satisfied.path("check").path("metadata").path("state").asText());
        assertTrue(satisfied.path("check").path("description").asText()
                .endsWith("\n\n**Not applicable:** does not apply: facts.satisfactionCount > 0"));
        JsonNode passRate = by.get("ci.pass-rate");
        assertFalse(passRate.path("result").asBoolean());
        assertEquals("NOT_REPORTED", passRate.path("check").path("metadata").path("state").asText());
        assertEquals("fact ci.passRate is not reported", passRate.path("check").path("metadata").path("reason").asText());
        assertEquals("Pass rate at least 90%\n\n**Not reported:** fact ci.passRate is not reported\n\nFix flaky tests.",
                passRate.path("check").path("description").asText());
        JsonNode documented = by.get("relied-on.documented");
        assertFalse(documented.path("result").asBoolean());
        assertEquals(List.of("FAIL", "PASS", "FAIL", "PASS", "FAIL", "FAIL"), texts(documented.path("facts"), "value"));
        assertEquals("scorecard-results", documented.path("facts").path("documentation.has-docs").path("id").asText());

        // a subset, in the scorecards' order; no body, and a null list, mean every check
        assertEquals(List.of("adoption.has-consumer", "documentation.has-docs"), new ArrayList<>(byCheck(run(
                "/checks/run/default/system/secrets-vault",
                "{\"checks\": [\"documentation.has-docs\", \"adoption.has-consumer\"]}")).keySet()));
        assertEquals(28, ok(given(), "POST", TI + "/checks/run/default/system/secrets-vault").size());
        assertEquals(28, run("/checks/run/Default/System/Secrets-Vault", "{\"checks\": null}").size());
        // not a capability, or unknown: no results
        assertEquals("[]", run("/checks/run/default/user/jane.doe", "{}").toString());
        assertEquals("[]", run("/checks/run/default/component/no-such-thing", "{}").toString());
    }

    @Test
    void exemptAndErrorStatesShowWithTheirReasons() {
        given().contentType("application/json").body("{\"entityRef\": \"system:default/secrets-vault\", \"checkId\":"
                + " \"documentation.has-description\", \"reason\": \"described in the wiki\", \"author\": \"ann\"}")
                .post("/api/scorecards/exemptions").then().statusCode(201);
        push("[{\"entityRef\": \"system:default/secrets-vault\", \"source\": \"ci\", \"facts\":"
                + " {\"ci.passRate\": 0.95, \"ci.build\": \"abc\"}}]");
        Map<String, JsonNode> by = byCheck(run("/checks/run/default/system/secrets-vault",
                "{\"checks\": [\"documentation.has-description\", \"ci.pass-rate\", \"ci.build-label\"]}"));
        JsonNode exempt = by.get("documentation.has-description");
        assertTrue(exempt.path("result").asBoolean());
        assertEquals("EXEMPT", exempt.path("check").path("metadata").path("state").asText());
        assertEquals("The capability has a metadata.description saying what it offers.\n\n"
                + "**Exempt:** exempt (ann: described in the wiki); otherwise FAIL, hasDescription = false",
                exempt.path("check").path("description").asText());
        JsonNode passRate = by.get("ci.pass-rate");
        assertTrue(passRate.path("result").asBoolean());
        assertEquals("{\"ci.passRate\":{\"id\":\"pushed-facts\",\"type\":\"float\",\"description\":\"Pushed by scripts\","
                + "\"value\":0.95}}", passRate.path("facts").toString());
        JsonNode error = by.get("ci.build-label");
        assertFalse(error.path("result").asBoolean());
        assertEquals("ERROR", error.path("check").path("metadata").path("state").asText());
        assertEquals(List.of("ci.build", "kind"), fieldNames(error.path("facts")));
        // a check without a description is described by its name, then its state
        assertTrue(error.path("check").path("description").asText().startsWith("Build number is numeric\n\n**Error:** "));
    }

    @Test
    void userTextInADescriptionIsEscapedMarkdown() {
        // an exemption's reason is user text: no link, image, HTML, emphasis or new block may come of it
        given().contentType("application/json").body("{\"entityRef\": \"system:default/secrets-vault\", \"checkId\":"
                + " \"documentation.has-description\", \"reason\": \"[docs](javascript:alert(1)) <img src=x"
                + " onerror=alert(1)> **now** `x` &amp;\\n# Heading\", \"author\": \"ann_b\"}")
                .post("/api/scorecards/exemptions").then().statusCode(201);
        JsonNode exempt = byCheck(run("/checks/run/default/system/secrets-vault",
                "{\"checks\": [\"documentation.has-description\"]}")).get("documentation.has-description");
        assertEquals("The capability has a metadata.description saying what it offers.\n\n"
                + "**Exempt:** exempt (ann\\_b: \\[docs\\](javascript:alert(1)) \\<img src=x onerror=alert(1)>"
                + " \\*\\*now\\*\\* \\`x\\` \\&amp; # Heading); otherwise FAIL, hasDescription = false",
                exempt.path("check").path("description").asText());
        // the metadata keeps the reason as it is (JSON, not Markdown)
        assertTrue(exempt.path("check").path("metadata").path("reason").asText().contains("[docs](javascript:alert(1))"));
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void bulkRunsAnswerEveryCapabilityOrTheRefsAskedFromStoredResults() {
        List<String> capabilities = new ArrayList<>();
        given().get("/api/scorecards/capabilities?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("items.entityRef", String.class).forEach(capabilities::add);
        capabilities.sort(null);
        assertEquals(29, capabilities.size());
        JsonNode all = run("/checks/run", "{\"entities\": []}");
        assertEquals(capabilities, texts(all, "entity"));
        for (JsonNode e : all) {
            Map<String, String> states = states(e.path("entity").asText());
            List<String> got = new ArrayList<>();
            e.path("results").forEach(r -> got.add(r.path("check").path("id").asText() + "="
                    + r.path("check").path("metadata").path("state").asText() + "/" + r.path("result").asBoolean()));
            List<String> expected = new ArrayList<>();
            IDS.forEach(id -> expected.add(id + "=" + states.get(id) + "/"
                    + Set.of("PASS", "EXEMPT", "NOT_APPLICABLE").contains(states.get(id))));
            assertEquals(expected, got, e.path("entity").asText());
        }

        // the client's chunk: 750 entities, capabilities, other entities and unknown ones, as refs and objects
        List<String> others = given().get("/api/catalog/entities?filter=kind=user&fields=metadata.name").then()
                .statusCode(200).extract().jsonPath().getList("metadata.name", String.class);
        List<String> refs = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"entities\": [");
        for (int i = 0; i < 750; i++) {
            String ref = i % 3 == 0 ? capabilities.get(i % 29) : i % 3 == 1 ? "user:default/" + others.get(i % 29)
                    : "component:default/unknown-" + i;
            refs.add(ref);
            String[] parts = ref.split("[:/]");
            body.append(i == 0 ? "" : ",").append(i % 2 == 0 ? "\"" + ref + "\"" : "{\"kind\": \""
                    + parts[0].toUpperCase() + "\", \"namespace\": \"default\", \"name\": \"" + parts[2] + "\"}");
        }
        body.append("], \"checks\": [\"adoption.has-consumer\", \"relied-on.relied-on\"]}");
        JsonNode chunk = run("/checks/run", body.toString());
        assertEquals(refs, texts(chunk, "entity"));
        for (int i = 0; i < 750; i++) {
            JsonNode results = chunk.get(i).path("results");
            assertEquals(i % 3 == 0 ? List.of("adoption.has-consumer", "relied-on.relied-on") : List.of(),
                    new ArrayList<>(byCheck(results).keySet()), refs.get(i));
        }
        JsonNode observability = chunk.get(refs.indexOf("system:default/observability"));
        assertEquals(List.of("true", "true"), texts(observability.path("results"), "result"));
    }

    @Test
    void badBodiesAreInputErrorsNamingTheField() {
        Map<String, String> bulk = new LinkedHashMap<>();
        bulk.put("not json", "Malformed request: body is not valid JSON");
        bulk.put("[]", "Malformed request: expected a JSON object {entities: [...], checks?: [...]}");
        bulk.put("{}", "Malformed request: entities must be an array of entity refs (an empty array means every capability)");
        bulk.put("{\"entities\": \"system:default/x\"}",
                "Malformed request: entities must be an array of entity refs (an empty array means every capability)");
        bulk.put("{\"entities\": [\"system:default/x\", 5]}", "Malformed request: entities[1] must be an entity ref"
                + " string or an object {kind, namespace, name} of strings");
        bulk.put("{\"entities\": [\"observability\"]}", "Invalid entities[0] 'observability': Entity reference"
                + " \"observability\" had missing or empty kind (e.g. did not start with \"component:\" or similar)");
        bulk.put("{\"entities\": [{\"kind\": \"system\"}]}", "Malformed request: entities[0] must be an entity ref"
                + " string or an object {kind, namespace, name} of strings");
        bulk.put("{\"entities\": [{\"kind\": \"\", \"name\": \"x\"}]}", "Invalid entities[0]: kind, namespace and name must not be empty");
        bulk.put("{\"entities\": [], \"checks\": \"adoption.has-consumer\"}",
                "Malformed request: checks must be an array of check ids");
        bulk.put("{\"entities\": [], \"checks\": [\"adoption.has-consumer\", 1]}",
                "Malformed request: checks[1] must be a string (a check id)");
        bulk.forEach((body, message) -> given().contentType("application/json").body(body).post(TI + "/checks/run")
                .then().statusCode(400).body("error.name", equalTo("InputError")).body("error.message", equalTo(message))
                .body("request.method", equalTo("POST")).body("request.url", equalTo(TI + "/checks/run"))
                .body("response.statusCode", equalTo(400)));
        given().contentType("text/plain").body("{\"entities\": []}").post(TI + "/checks/run").then().statusCode(400)
                .body("error.message", equalTo("Illegal Content-Type"));
        given().contentType("application/json").body("[\"adoption.has-consumer\"]")
                .post(TI + "/checks/run/default/system/observability").then().statusCode(400)
                .body("error.message", equalTo("Malformed request: expected a JSON object {checks?: [...]}"));
    }

    @Test
    void unknownCheckIdsAreAnsweredAsTechInsightsAnswersThem() {
        // one entity: 404 NotFoundError naming the first unknown id, as Tech Insights' check registry
        given().contentType("application/json").body("{\"checks\": [\"adoption.has-consumer\", \"x\", \"y\"]}")
                .post(TI + "/checks/run/default/system/observability").then().statusCode(404)
                .body("error.name", equalTo("NotFoundError"))
                .body("error.message", equalTo("Tech insight check with id 'x' is not registered."));
        // bulk: 200, each entity's entry carries the error and no results
        assertEquals("[{\"entity\":\"system:default/observability\",\"error\":{\"name\":\"NotFoundError\","
                + "\"message\":\"Tech insight check with id 'adoption.nope' is not registered.\"},\"results\":[]},"
                + "{\"entity\":\"user:default/jane.doe\",\"error\":{\"name\":\"NotFoundError\","
                + "\"message\":\"Tech insight check with id 'adoption.nope' is not registered.\"},\"results\":[]}]",
                run("/checks/run", "{\"entities\": [\"system:default/observability\", \"user:default/jane.doe\"],"
                        + " \"checks\": [\"adoption.nope\", \"has-consumer\"]}").toString());
        // one check asked: only its results
        JsonNode one = run("/checks/run", "{\"entities\": [\"system:default/observability\", \"system:default/secrets-vault\"],"
                + " \"checks\": [\"documentation.has-description\"]}");
        for (JsonNode entity : one) {
            assertEquals(1, entity.path("results").size(), entity.toString());
            assertEquals("documentation.has-description", entity.path("results").get(0).path("check").path("id").asText());
        }
    }

    @Test
    void factSchemasDescribeTheThreeRetrievers() {
        JsonNode schemas = get(TI + "/fact-schemas");
        assertEquals(List.of("capability-facts", "pushed-facts", "scorecard-results"), texts(schemas, "id"));
        JsonNode derived = schemas.get(0);
        assertEquals(3 + 32, derived.size());
        assertEquals("1.0.0", derived.path("version").asText());
        assertTrue(derived.path("entityFilter").isNull());
        assertEquals("{\"type\":\"integer\",\"description\":\"Entities outside the capability that consume one of its"
                + " APIs or depend on one of its parts.\"}", derived.path("consumerCount").toString());
        assertEquals("float", derived.path("adoptionRate").path("type").asText());
        assertEquals("set", derived.path("apisWithoutDefinition").path("type").asText());
        // every derived fact a capability holds is described
        JsonNode latest = get(TI + "/facts/latest?entity=system:default/observability&ids=capability-facts");
        latest.path("capability-facts").path("facts").fieldNames().forEachRemaining(f -> assertTrue(derived.has(f), f));
        // before any push: the pushed facts that checks read, typed string until pushed
        assertEquals("{\"id\":\"pushed-facts\",\"version\":\"1.0.0\",\"entityFilter\":null,\"ci.build\":{\"type\":"
                + "\"string\",\"description\":\"Read by the check ci.build-label; pushed by scripts (POST"
                + " /api/scorecards/facts), none yet\"},\"ci.passRate\":{\"type\":\"string\",\"description\":\"Read by"
                + " the check ci.pass-rate-reported; pushed by scripts (POST /api/scorecards/facts), none yet\"},"
                + "\"support.incidents\":{\"type\":\"integer\",\"description\":\"Summed over the trend window into"
                + " supportLoad and supportLoadPerTeam (each value the incidents since the previous push); pushed by scripts"
                + " (POST /api/scorecards/facts), none yet\"},\"support.tickets\":{\"type\":\"integer\",\"description\":"
                + "\"Summed over the trend window into supportLoad and supportLoadPerTeam (each value the tickets since the"
                + " previous push); pushed by scripts (POST /api/scorecards/facts), none yet\"}}",
                schemas.get(1).toString());
        JsonNode results = schemas.get(2);
        assertEquals(3 + 5 * 2 + 28 + 2, results.size());
        assertEquals("Level held in Relied on, one of Shipped, Integrated, Documented, Supported, Adopted, Relied on;"
                + " null below Shipped", results.path("relied-on.level").path("description").asText());
        assertEquals("State of the check Has a consumer: PASS, FAIL, NOT_APPLICABLE, NOT_REPORTED, ERROR or EXEMPT",
                results.path("adoption.has-consumer").path("description").asText());

        push("[{\"entityRef\": \"component:default/otel-collector\", \"source\": \"ci\", \"facts\": {\"ci.passRate\":"
                + " 0.97, \"ci.build\": \"42\", \"deployedAt\": \"2026-11-01T10:00:00Z\", \"tags\": [\"a\"],"
                + " \"retries\": 3, \"green\": true, \"version\": \"1.2\"}}]");
        JsonNode pushed = get(TI + "/fact-schemas?ids[0]=pushed-facts").get(0);
        Map<String, String> types = new LinkedHashMap<>();
        pushed.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                types.put(e.getKey(), e.getValue().path("type").asText());
            }
        });
        assertEquals(Map.of("ci.passRate", "float", "ci.build", "string", "deployedAt", "datetime", "tags", "set",
                "retries", "integer", "green", "boolean", "support.tickets", "integer", "support.incidents", "integer"), types);
        assertEquals("1.0.0", pushed.path("version").asText()); // a pushed "version" cannot be described beside it
        assertEquals("Pushed by scripts (POST /api/scorecards/facts); latest from source ci",
                pushed.path("green").path("description").asText());
        assertEquals(1, get(TI + "/fact-schemas?ids[]=scorecard-results&ids[]=nope").size());
    }

    @Test
    void pushedFactSchemaIsTheNewestPushOfEachNameWhicheverEntityAndOrder() {
        push("[{\"entityRef\": \"component:default/otel-collector\", \"source\": \"ci\", \"timestamp\":"
                + " \"2026-03-01T00:00:00Z\", \"facts\": {\"x.count\": 3, \"x.label\": \"a\"}}]");
        // older than the push above: x.count stays the integer from ci
        push("[{\"entityRef\": \"system:default/secrets-vault\", \"source\": \"nightly\", \"timestamp\":"
                + " \"2026-01-01T00:00:00Z\", \"facts\": {\"x.count\": 2.5, \"x.flag\": true}}]");
        // as new as the first push: the later push wins
        push("[{\"entityRef\": \"system:default/secrets-vault\", \"source\": \"deploy\", \"timestamp\":"
                + " \"2026-03-01T00:00:00Z\", \"facts\": {\"x.label\": [\"a\", \"b\"]}}]");
        // one batch: its newest item of a name wins, whatever its place
        push("[{\"entityRef\": \"system:default/observability\", \"source\": \"s1\", \"timestamp\":"
                + " \"2026-05-01T00:00:00Z\", \"facts\": {\"x.when\": \"2026-05-01T00:00:00Z\"}},"
                + " {\"entityRef\": \"system:default/observability\", \"source\": \"s2\", \"timestamp\":"
                + " \"2026-04-01T00:00:00Z\", \"facts\": {\"x.when\": 4}}]");
        String from = "Pushed by scripts (POST /api/scorecards/facts); latest from source ";
        String read = "; pushed by scripts (POST /api/scorecards/facts), none yet\"},";
        assertEquals("[{\"id\":\"pushed-facts\",\"version\":\"1.0.0\",\"entityFilter\":null,"
                + "\"ci.build\":{\"type\":\"string\",\"description\":\"Read by the check ci.build-label" + read
                + "\"ci.passRate\":{\"type\":\"string\",\"description\":\"Read by the check ci.pass-rate-reported" + read
                + "\"support.incidents\":{\"type\":\"integer\",\"description\":\"Summed over the trend window into"
                + " supportLoad and supportLoadPerTeam (each value the incidents since the previous push)" + read
                + "\"support.tickets\":{\"type\":\"integer\",\"description\":\"Summed over the trend window into"
                + " supportLoad and supportLoadPerTeam (each value the tickets since the previous push)" + read
                + "\"x.count\":{\"type\":\"integer\",\"description\":\"" + from + "ci\"},"
                + "\"x.flag\":{\"type\":\"boolean\",\"description\":\"" + from + "nightly\"},"
                + "\"x.label\":{\"type\":\"set\",\"description\":\"" + from + "deploy\"},"
                + "\"x.when\":{\"type\":\"datetime\",\"description\":\"" + from + "s1\"}}]",
                get(TI + "/fact-schemas?ids=pushed-facts").toString());
        // a newer push of an existing name replaces its type and source
        push("[{\"entityRef\": \"system:default/secrets-vault\", \"source\": \"late\", \"facts\": {\"x.count\": 0.5}}]");
        assertEquals("{\"type\":\"float\",\"description\":\"" + from + "late\"}",
                get(TI + "/fact-schemas?ids=pushed-facts").get(0).path("x.count").toString());
    }

    @Test
    void latestFactsByRetriever() {
        JsonNode capability = get("/api/scorecards/capabilities/system/default/observability");
        JsonNode latest = get(TI + "/facts/latest?entity=system:default/observability&ids[0]=capability-facts"
                + "&ids[1]=scorecard-results&ids[2]=pushed-facts&ids[3]=nope");
        assertEquals(List.of("capability-facts", "scorecard-results"), fieldNames(latest));
        JsonNode derived = latest.path("capability-facts");
        assertEquals("{\"namespace\":\"default\",\"kind\":\"system\",\"name\":\"observability\"}",
                derived.path("entity").toString());
        assertEquals(capability.path("evaluatedAt").asText(), derived.path("timestamp").asText());
        assertEquals("1.0.0", derived.path("version").asText());
        assertEquals(18, derived.path("facts").path("consumerCount").asInt());
        assertEquals(9, derived.path("facts").path("consumingTeamCount").asInt());
        assertEquals(12, derived.path("facts").path("eligibleTeamCount").asInt());
        assertEquals(0.75, derived.path("facts").path("adoptionRate").asDouble());
        JsonNode results = latest.path("scorecard-results").path("facts");
        assertEquals("Relied on", results.path("relied-on.level").asText());
        assertEquals(100.0, results.path("relied-on.percentage").asDouble());
        assertEquals("PASS", results.path("adoption.has-consumer").asText());
        assertEquals("NOT_APPLICABLE", results.path("adoption.satisfied-users").asText());
        assertEquals("NOT_REPORTED", results.path("ci.pass-rate").asText());
        assertEquals(18, results.path("consumerCount").asInt());
        assertFalse(results.path("removed").asBoolean(true));
        assertEquals(5 * 2 + 28 + 2, results.size());

        push("[{\"entityRef\": \"component:default/otel-collector\", \"source\": \"ci\", \"timestamp\":"
                + " \"2026-01-01T00:00:00Z\", \"facts\": {\"ci.passRate\": 0.5, \"ci.build\": \"7\"}},"
                + " {\"entityRef\": \"component:default/otel-collector\", \"source\": \"ci\", \"timestamp\":"
                + " \"2026-02-01T00:00:00+01:00\", \"facts\": {\"ci.passRate\": 0.8}}]");
        JsonNode component = get(TI + "/facts/latest?entity=component:default/otel-collector&ids[]=capability-facts"
                + "&ids[]=pushed-facts&ids[]=scorecard-results");
        assertEquals("""
                {"pushed-facts":{"id":"pushed-facts","entity":{"namespace":"default","kind":"component",\
                "name":"otel-collector"},"timestamp":"2026-01-31T23:00:00Z","version":"1.0.0",\
                "facts":{"ci.build":"7","ci.passRate":0.8}}}""", component.toString());

        // missing ids: the Tech Insights backend's own 422 body; other bad input: our envelope
        assertEquals("{\"error\":\"Failed to parse ids from request\"}", given()
                .get(TI + "/facts/latest?entity=system:default/observability").then().statusCode(422)
                .contentType("application/json").extract().asString());
        for (String query : List.of("ids=capability-facts", "entity=observability&ids=capability-facts")) {
            given().get(TI + "/facts/latest?" + query).then().statusCode(400).body("error.name", equalTo("InputError"))
                    .body("error.message", equalTo(query.startsWith("ids") ? "Missing query parameter entity (a ref such as"
                            + " component:default/name)"
                            : "Invalid entity 'observability': Entity reference \"observability\" had missing"
                                    + " or empty kind (e.g. did not start with \"component:\" or similar)"));
        }
    }

    @Test
    void factsInRangeArePushesAndRecordedChanges() {
        push("[{\"entityRef\": \"system:default/secrets-vault\", \"source\": \"ci\", \"timestamp\":"
                + " \"2026-01-01T00:00:00Z\", \"facts\": {\"ci.passRate\": 0.5}}]");
        push("[{\"entityRef\": \"system:default/secrets-vault\", \"source\": \"ci\", \"timestamp\":"
                + " \"2026-02-01T00:00:00Z\", \"facts\": {\"ci.passRate\": 0.8, \"ci.build\": \"7\"}}]");
        String base = TI + "/facts/range?entity=system:default/secrets-vault&ids[]=pushed-facts"
                + "&ids[]=scorecard-results&ids[]=capability-facts";
        JsonNode january = get(base + "&startDatetime=2025-12-01T00:00:00Z&endDatetime=2026-01-15");
        assertEquals(List.of("pushed-facts"), fieldNames(january));
        assertEquals("[{\"id\":\"pushed-facts\",\"entity\":{\"namespace\":\"default\",\"kind\":\"system\",\"name\":"
                + "\"secrets-vault\"},\"timestamp\":\"2026-01-01T00:00:00Z\",\"version\":\"1.0.0\",\"facts\":"
                + "{\"ci.passRate\":0.5}}]", january.path("pushed-facts").toString());

        JsonNode all = get(base + "&startDateTime=2000-01-01T00:00:00Z&endDateTime=2999-01-01T00:00:00");
        assertEquals(List.of("capability-facts", "pushed-facts", "scorecard-results"), fieldNames(all));
        assertEquals(List.of("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"), texts(all.path("pushed-facts"), "timestamp"));
        assertEquals("{\"ci.passRate\":0.8,\"ci.build\":\"7\"}", all.path("pushed-facts").get(1).path("facts").toString());
        JsonNode capability = get("/api/scorecards/capabilities/system/default/secrets-vault");
        assertEquals(1, all.path("capability-facts").size());
        assertEquals(capability.path("evaluatedAt").asText(), all.path("capability-facts").get(0).path("timestamp").asText());
        // one row per recorded change: loaded (ci not reported), then each push changed the ci checks
        JsonNode history = get("/api/scorecards/capabilities/system/default/secrets-vault/history").path("items");
        assertEquals(3, history.size());
        assertEquals(texts(history, "at"), texts(all.path("scorecard-results"), "timestamp"));
        List<String> passRate = new ArrayList<>();
        all.path("scorecard-results").forEach(r -> passRate.add(r.path("facts").path("ci.pass-rate").asText()));
        assertEquals(List.of("NOT_REPORTED", "FAIL", "FAIL"), passRate);
        List<String> reported = new ArrayList<>();
        all.path("scorecard-results").forEach(r -> reported.add(r.path("facts").path("ci.pass-rate-reported").asText()));
        assertEquals(List.of("FAIL", "PASS", "PASS"), reported);
        assertEquals("{}", get(base.replace("&ids[]=pushed-facts", "")
                + "&startDatetime=2000-01-01T00:00:00Z&endDatetime=2000-01-02T00:00:00Z").toString());

        // the Tech Insights backend's own 422 bodies: bad or missing dates (start first), missing ids
        Map<String, String> unprocessable = new LinkedHashMap<>();
        unprocessable.put(base + "&startDatetime=yesterday&endDatetime=nope", "{\"message\":\"Failed to parse datetime"
                + " from request\",\"field\":\"startDateTime\",\"value\":\"yesterday\"}");
        unprocessable.put(base + "&startDatetime=2026-01-01T00:00:00Z", "{\"message\":\"Failed to parse datetime"
                + " from request\",\"field\":\"endDateTime\",\"value\":null}");
        unprocessable.put(TI + "/facts/range?entity=system:default/secrets-vault&startDatetime=2026-01-01"
                + "&endDatetime=2026-02-01", "{\"error\":\"Failed to parse ids from request\"}");
        unprocessable.forEach((url, body) -> assertEquals(body, given().get(url).then().statusCode(422)
                .contentType("application/json").extract().asString(), url));
    }
}
