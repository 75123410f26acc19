package dev.scorecards.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.RawEntity;
import dev.scorecards.catalog.model.Relation;
import dev.scorecards.facts.graph.CatalogGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/decisions.md "Capabilities and facts", one test each, on a catalog graph built in
 * memory (no database, no Quarkus): parts, consumers, adoption rate, documentation and support signals,
 * lifecycle, API definitions, bypasses and the names pushed facts may not use.
 */
class FactCalculatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAPI = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n"
            + "      responses: {'200': {description: ok}}\n";

    private final List<Relation> relations = new ArrayList<>();

    /** An entity being described; its JSON is read when the graph is built. */
    private static final class E {
        final String ref;
        final ObjectNode json = JSON.createObjectNode();

        E(String ref) {
            this.ref = ref;
            json.put("apiVersion", "backstage.io/v1alpha1").put("kind", ref.substring(0, ref.indexOf(':')));
            json.putObject("metadata").put("name", ref.substring(ref.indexOf('/') + 1)).put("namespace", "default");
            json.putObject("spec");
        }

        E spec(String key, String value) {
            ((ObjectNode) json.get("spec")).put(key, value);
            return this;
        }

        E annotation(String key, String value) {
            ((ObjectNode) json.get("metadata")).withObject("/annotations").put(key, value);
            return this;
        }

        E links(String... types) {
            var links = ((ObjectNode) json.get("metadata")).withArray("/links");
            for (String t : types) {
                links.addObject().put("url", "https://example.com/" + t).put("type", t);
            }
            return this;
        }
    }

    private final List<E> pending = new ArrayList<>();

    private E entity(String ref) {
        E e = new E(ref);
        pending.add(e);
        return e;
    }

    private E find(String ref) {
        return pending.stream().filter(e -> e.ref.equals(ref)).findFirst().orElseThrow();
    }

    private void reset() {
        pending.clear();
        relations.clear();
    }

    private void rel(String source, String type, String target) {
        relations.add(new Relation(source, type, target));
    }

    private void owned(String ref, String owner) {
        rel(ref, "ownedBy", owner);
    }

    private CatalogGraph graph() {
        List<RawEntity> entities = new ArrayList<>();
        for (E e : pending) {
            entities.add(new RawEntity(e.ref, e.json.toString(), 1, Instant.EPOCH));
        }
        CatalogGraph g = new CatalogGraph(null); // load() reads the suppliers given, not the catalog
        g.load(sink -> entities.forEach(sink), sink -> relations.forEach(sink));
        return g;
    }

    private CapabilityFacts facts(String ref) {
        return graph().read(v -> FactCalculator.compute(v, ref));
    }

    /** A platform team p with System s made of Component s-svc, which provides API s-api. */
    private void platform() {
        entity("group:default/p");
        entity("system:default/s");
        owned("system:default/s", "group:default/p");
        entity("component:default/s-svc").spec("lifecycle", "production");
        owned("component:default/s-svc", "group:default/p");
        rel("component:default/s-svc", "partOf", "system:default/s");
        entity("api:default/s-api").spec("type", "openapi").spec("definition", OPENAPI)
                .spec("lifecycle", "production");
        owned("api:default/s-api", "group:default/p");
        rel("component:default/s-svc", "providesApi", "api:default/s-api");
    }

    /** A team owning one Component with the given relation to a target. */
    private void consumerTeam(String team, String component, String type, String target) {
        entity("group:default/" + team);
        entity("component:default/" + component);
        owned("component:default/" + component, "group:default/" + team);
        if (type != null) {
            rel("component:default/" + component, type, target);
        }
    }

    @Test
    void partsAreTheCapabilityWhatIsPartOfItTransitivelyAndTheApisTheyProvide() {
        platform();
        entity("component:default/s-worker");
        rel("component:default/s-worker", "partOf", "component:default/s-svc"); // subcomponentOf
        entity("api:default/worker-api").spec("type", "grpc").spec("definition", "service W { rpc A(B) returns (C); }");
        rel("component:default/s-worker", "providesApi", "api:default/worker-api");
        CapabilityFacts f = facts("system:default/s");
        assertEquals(Set.of("system:default/s", "component:default/s-svc", "api:default/s-api",
                "component:default/s-worker", "api:default/worker-api"), Set.copyOf(f.parts()));
        assertEquals(5, f.facts().partCount());
        assertEquals(2, f.facts().apiCount());
    }

    @Test
    void consumersUseAnApiOrDependOnAPartEitherWayAndAUserOwnerCountsThroughItsGroups() {
        platform();
        consumerTeam("a", "a-svc", "consumesApi", "api:default/s-api");
        consumerTeam("b", "b-svc", "dependsOn", "component:default/s-svc");
        consumerTeam("c", "c-svc", null, null);
        rel("component:default/s-svc", "dependencyOf", "component:default/c-svc"); // declared by the part
        entity("user:default/u");
        rel("user:default/u", "memberOf", "group:default/d");
        entity("group:default/d");
        entity("component:default/u-tool");
        owned("component:default/u-tool", "user:default/u");
        rel("component:default/u-tool", "consumesApi", "api:default/s-api");
        // inside the capability: not a consumer
        rel("component:default/s-svc", "consumesApi", "api:default/s-api");
        CapabilityFacts f = facts("system:default/s");
        assertEquals(List.of("component:default/a-svc", "component:default/b-svc", "component:default/c-svc",
                "component:default/u-tool"), f.consumers().stream().map(CapabilityFacts.Consumer::ref).toList());
        assertEquals(List.of("group:default/a", "group:default/b", "group:default/c", "group:default/d"),
                f.consumingTeams());
        assertEquals(List.of("api:default/s-api"), f.consumers().get(0).uses());
        assertEquals(4, f.facts().consumerCount());
        assertEquals(4, f.facts().consumingTeamCount());
    }

    @Test
    void adoptionRateExcludesTheProducerTeamAndCountsTeamsWithoutComponents() {
        platform();
        consumerTeam("a", "a-svc", "consumesApi", "api:default/s-api");
        consumerTeam("b", "b-svc", null, null);
        consumerTeam("c", "c-svc", null, null);
        // team e owns no Component, only an API that consumes the capability: it still counts
        entity("group:default/e");
        entity("resource:default/e-db");
        owned("resource:default/e-db", "group:default/e");
        rel("resource:default/e-db", "dependsOn", "component:default/s-svc");
        DerivedFacts f = facts("system:default/s").facts();
        // could adopt: a, b, c (own Components) and e (consumes); p (producer, owns s-svc) excluded
        assertEquals(4, f.eligibleTeamCount());
        assertEquals(2, f.consumingTeamCount());
        assertEquals(0.5, f.adoptionRate());
    }

    @Test
    void adoptionRateIsZeroWhenNoTeamCouldAdoptAndNeverAboveOne() {
        platform();
        DerivedFacts alone = facts("system:default/s").facts();
        assertEquals(0, alone.eligibleTeamCount());
        assertEquals(0.0, alone.adoptionRate());
        entity("group:default/x");
        entity("api:default/x-api");
        owned("api:default/x-api", "group:default/x");
        rel("api:default/x-api", "dependsOn", "component:default/s-svc"); // not a real API dependency, still a use
        DerivedFacts f = facts("system:default/s").facts();
        assertEquals(1, f.eligibleTeamCount());
        assertEquals(1.0, f.adoptionRate());
    }

    @Test
    void adoptionRateIsRoundedToFourDecimals() {
        platform();
        consumerTeam("a", "a-svc", "consumesApi", "api:default/s-api");
        consumerTeam("b", "b-svc", null, null);
        consumerTeam("c", "c-svc", null, null);
        assertEquals(0.3333, facts("system:default/s").facts().adoptionRate());
    }

    @Test
    void documentationAndSupportSignalsCountOnTheCapabilityOrAnyPart() {
        platform();
        DerivedFacts none = facts("system:default/s").facts();
        assertFalse(none.hasDocs() || none.hasOnCall() || none.hasSupportChannel() || none.hasRunbook());
        find("component:default/s-svc").annotation("pagerduty.com/service-id", "P1").links("documentation", "chat");
        find("api:default/s-api").links("runbook");
        DerivedFacts f = facts("system:default/s").facts();
        assertTrue(f.hasDocs());
        assertTrue(f.hasOnCall());
        assertTrue(f.hasSupportChannel());
        assertTrue(f.hasRunbook());
        assertFalse(f.hasDescription()); // only the capability's own description counts
    }

    @Test
    void techdocsAnnotationAndEveryDocsLinkTypeCount() {
        for (String type : List.of("docs", "documentation", "techdocs", "DOCS")) {
            reset();
            platform();
            find("system:default/s").links(type);
            assertTrue(facts("system:default/s").facts().hasDocs(), type);
        }
        reset();
        platform();
        find("system:default/s").annotation("backstage.io/techdocs-ref", "dir:.");
        assertTrue(facts("system:default/s").facts().hasDocs());
        reset();
        platform();
        find("system:default/s").links("website", "support");
        DerivedFacts f = facts("system:default/s").facts();
        assertFalse(f.hasDocs());
        assertTrue(f.hasSupportChannel());
    }

    @Test
    void aSystemsLifecycleIsItsPartsWhenTheyAgreeElseMixed() {
        platform();
        DerivedFacts agreed = facts("system:default/s").facts();
        assertEquals("production", agreed.lifecycle());
        assertTrue(agreed.isProduction());
        find("api:default/s-api").spec("lifecycle", "experimental");
        DerivedFacts mixed = facts("system:default/s").facts();
        assertEquals("mixed", mixed.lifecycle());
        assertFalse(mixed.isProduction());
        // an entity's own lifecycle wins
        assertEquals("experimental", facts("api:default/s-api").facts().lifecycle());
    }

    @Test
    void apiDefinitionsAreRealWhenTheyDefineAnOperation() {
        platform();
        entity("api:default/empty-api").spec("type", "openapi").spec("definition", "openapi: 3.0.0\npaths: {}\n");
        rel("component:default/s-svc", "providesApi", "api:default/empty-api");
        entity("api:default/other-api").spec("type", "trpc").spec("definition", "anything");
        rel("component:default/s-svc", "providesApi", "api:default/other-api");
        DerivedFacts f = facts("system:default/s").facts();
        assertEquals(3, f.apiCount());
        assertEquals(2, f.apisWithDefinition());
        assertEquals(List.of("api:default/empty-api"), f.apisWithoutDefinition());
    }

    @Test
    void aDefinitionCountsOnlyWhenItParsesToTheEndAndDefinesSomething() {
        platform();
        String[][] apis = {
            {"broken-later", "openapi", "openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n  /b: [unclosed\n"},
            {"webhooks-only", "openapi", "openapi: 3.1.0\nwebhooks:\n  newPet:\n    POST: {}\n"},
            {"path-list", "swagger", "swagger: '2.0'\npaths:\n  - {summary: x}\n  - {put: {}}\n"},
            {"no-method", "openapi", "openapi: 3.0.0\npaths:\n  /a: {summary: x, parameters: []}\n"},
            {"root-list", "openapi", "- get: {}\n"},
            {"channels", "asyncapi", "asyncapi: 2.6.0\nchannels:\n  a.events:\n    subscribe: {}\n"},
            {"async-empty", "asyncapi", "asyncapi: 3.0.0\nchannels: {}\noperations: []\n"},
            {"async-list", "asyncapi", "asyncapi: 3.0.0\noperations: [send]\n"},
            {"graphql", "graphql", "type Query { a: Int }"},
            {"grpc-empty", "grpc", "service S {}\nmessage M {}"},
            {"second-doc", "openapi", "openapi: 3.0.0\npaths: {}\n---\npaths: {/a: {get: {}}}\n"},
            {"tagged", "openapi", "openapi: 3.0.0\npaths: !!map {/a: !custom {get: {}}}\n"},
            {"nul", "openapi", "openapi: 3.0.0\npaths:\n  /a:\n    get: \"\u0000\"\n  /b: {}\u0000\n"},
            {"deep", "openapi", "openapi: 3.0.0\npaths: {/a: {get: " + "[".repeat(20_000) + "]}}\n"},
        };
        for (String[] api : apis) {
            entity("api:default/" + api[0]).spec("type", api[1]).spec("definition", api[2]);
            rel("component:default/s-svc", "providesApi", "api:default/" + api[0]);
        }
        DerivedFacts f = facts("system:default/s").facts();
        assertEquals(15, f.apiCount());
        assertEquals(List.of("api:default/async-empty", "api:default/broken-later", "api:default/deep",
                "api:default/grpc-empty", "api:default/no-method", "api:default/nul", "api:default/root-list",
                "api:default/second-doc"), f.apisWithoutDefinition().stream().sorted().toList());
        assertEquals(7, f.apisWithDefinition());
    }

    @Test
    void structuralBypassesNeedOfferedApisAndAnInternalPartDeclaredOnesAnAnnotation() {
        platform();
        entity("resource:default/s-db");
        rel("resource:default/s-db", "partOf", "system:default/s");
        consumerTeam("a", "a-tool", "dependsOn", "resource:default/s-db"); // around the API: structural
        consumerTeam("b", "b-svc", "consumesApi", "api:default/s-api");    // through the API: not a bypass
        consumerTeam("c", "c-svc", null, null);
        find("component:default/c-svc").annotation("scorecards.dev/bypasses", "s");
        CapabilityFacts f = facts("system:default/s");
        assertEquals(List.of("component:default/a-tool:structural", "component:default/c-svc:declared"),
                f.bypasses().stream().map(b -> b.ref() + ":" + b.how()).toList());
        assertEquals(List.of("resource:default/s-db"), f.bypasses().get(0).parts());
        assertEquals(2, f.facts().bypassCount());
        // bypassing teams a, c ÷ teams that consume or bypass a, b, c
        assertEquals(0.6667, f.facts().bypassRatio());
    }

    @Test
    void withoutApisADependencyOnAPartIsUseNotABypass() {
        entity("group:default/p");
        entity("system:default/s");
        owned("system:default/s", "group:default/p");
        entity("resource:default/s-db");
        rel("resource:default/s-db", "partOf", "system:default/s");
        consumerTeam("a", "a-tool", "dependsOn", "resource:default/s-db");
        CapabilityFacts f = facts("system:default/s");
        assertEquals(0, f.facts().bypassCount());
        assertEquals(0.0, f.facts().bypassRatio());
        assertEquals(1, f.facts().consumerCount());
    }

    @Test
    void ownerFactsAndAnUnknownCapability() {
        platform();
        entity("user:default/m1");
        rel("user:default/m1", "memberOf", "group:default/p");
        entity("user:default/m2");
        rel("user:default/m2", "memberOf", "group:default/p");
        DerivedFacts f = facts("system:default/s").facts();
        assertEquals("group:default/p", f.ownerRef());
        assertTrue(f.ownerExists());
        assertTrue(f.ownerIsGroup());
        assertEquals(2, f.ownerMemberCount());
        assertEquals(1, f.coordinationCost()); // only p owns its parts and their dependencies
        assertNull(facts("system:default/nope"));
    }

    @Test
    void coordinationCostCountsTheTeamsOwningAPartOrADirectDependencyOfOne() {
        platform();
        entity("component:default/s-worker");
        rel("component:default/s-worker", "partOf", "system:default/s");
        owned("component:default/s-worker", "group:default/w");      // a part owned by another team
        entity("group:default/w");
        consumerTeam("d", "d-lib", null, null);
        rel("component:default/s-svc", "dependsOn", "component:default/d-lib"); // a direct dependency of a part
        consumerTeam("m", "m-api-owner", null, null);
        entity("api:default/m-api").spec("type", "grpc").spec("definition", "service M { rpc A(B) returns (C); }");
        owned("api:default/m-api", "group:default/m");
        rel("component:default/s-worker", "consumesApi", "api:default/m-api"); // an API it consumes
        consumerTeam("x", "x-svc", "consumesApi", "api:default/s-api");      // a consumer: not a dependency
        rel("component:default/d-lib", "dependsOn", "component:default/x-svc"); // a dependency's dependency: not direct
        DerivedFacts f = facts("system:default/s").facts();
        assertEquals(4, f.coordinationCost()); // p, w (part), d (dependency), m (consumed API)
    }

    @Test
    void supportLoadIsPerConsumingTeamAndAbsentWhenNothingWasPushed() {
        assertNull(SupportLoad.perTeam(null, 3));
        assertEquals(2.3333, SupportLoad.perTeam(7.0, 3));
        assertEquals(7.0, SupportLoad.perTeam(7.0, 0)); // nobody consumes it: the producer carries it all
        assertEquals(0.0, SupportLoad.perTeam(0.0, 4));
        var json = new ObjectMapper();
        assertNull(SupportLoad.problem("support.tickets", json.valueToTree(4)));
        assertNull(SupportLoad.problem("ci.passRate", json.valueToTree("high")));
        assertEquals("fact 'support.incidents' must be a number of at least 0 (the incidents since the previous push),"
                + " got -1", SupportLoad.problem("support.incidents", json.valueToTree(-1)));
        assertEquals("fact 'support.tickets' must be a number of at least 0 (the tickets since the previous push),"
                + " got \"3\"", SupportLoad.problem("support.tickets", json.valueToTree("3")));
        Map<String, Object> signals = FactNames.asMap(new SignalFacts(0, null, 0, null, null, 7.0, 2.3333));
        assertEquals(2.3333, signals.get("supportLoadPerTeam"));
        assertEquals(7.0, signals.get("supportLoad"));
    }

    @Test
    void derivedNamesComeFromTheRecordsAndCelSeesNoNulls() {
        assertTrue(FactNames.isDerived("adoptionRate"));
        assertTrue(FactNames.isDerived("csat"));
        assertFalse(FactNames.isDerived("ci.passRate"));
        assertEquals(32, FactNames.TYPES.size());
        assertEquals("float", FactNames.TYPES.get("supportLoadPerTeam"));
        assertEquals("float", FactNames.TYPES.get("daysToFirstAdopter"));
        assertEquals("set", FactNames.TYPES.get("apisWithoutDefinition"));
        Map<String, Object> signals = FactNames.asMap(new SignalFacts(-2, null, 0, null, null, null, null));
        assertEquals(Map.of("consumerTrend", -2L, "satisfactionCount", 0L), signals);
        platform();
        Map<String, Object> derived = FactNames.asMap(facts("system:default/s").facts());
        assertEquals(25, derived.size());
        assertEquals(0L, derived.get("consumerCount"));
        assertEquals(0.0, derived.get("adoptionRate"));
        assertEquals(Boolean.TRUE, derived.get("ownerExists"));
    }
}
