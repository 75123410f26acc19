package dev.scorecards.api;

import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backstage's validation rules, each with Backstage's own message, through ingest and validate-entity. */
@QuarkusTest
class ValidationTest {
    private static final String LEARN_MORE = " To learn more about catalog file format, visit: "
            + "https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        Catalog.wipe(dataSource);
    }

    private static ValidatableResponse rejected(String yaml) {
        return ingest("v", "full", yaml).statusCode(400).body("error.documents", hasSize(1));
    }

    private static String entity(String kind, String metadata, String spec) {
        return "apiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n" + metadata.indent(2)
                + (spec == null ? "" : "spec:\n" + spec.indent(2));
    }

    private static final String COMPONENT_SPEC = "type: service\nlifecycle: production\nowner: team";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "metadata.name | name: -bad- | a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total | -bad-",
        "metadata.name | name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "metadata.namespace | '{name: x, namespace: Team_A}' | a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total | Team_A",
        "metadata.labels.a/b/c | '{name: x, labels: {a/b/c: v}}' | a valid prefix and/or suffix | a/b/c",
        "metadata.labels.tier | '{name: x, labels: {tier: -v}}' | a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total | -v",
        "metadata.annotations.Bad_Prefix/x | '{name: x, annotations: {Bad_Prefix/x: v}}' | a valid prefix and/or suffix | Bad_Prefix/x",
        "metadata.links.0.url | '{name: x, links: [{url: not-a-url}]}' | a string that is a valid url | not-a-url",
        "metadata.links.0.icon | '{name: x, links: [{url: \"https://a.example\", icon: \" \"}]}' | a non empty string | ' '",
    })
    void fieldFormats(String field, String metadata, String expectation, String found) {
        String yaml = entity("Component", metadata.startsWith("{") ? "" : metadata, COMPONENT_SPEC);
        if (metadata.startsWith("{")) {
            yaml = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: " + metadata + "\nspec: {type: service, lifecycle: production, owner: team}\n";
        }
        String shown = field.startsWith("metadata.") && !field.equals("metadata.name") && !field.equals("metadata.namespace")
                ? field.substring("metadata.".length()) : field;
        rejected(yaml).body("error.documents[0].field", equalTo(field))
                .body("error.documents[0].message", org.hamcrest.Matchers.endsWith("caused by Error: \"" + shown
                        + "\" is not valid; expected " + expectation + " but found \"" + found + "\"." + LEARN_MORE));
    }

    @Test
    void tagsAreLowercaseWordsWithoutExpectationText() {
        rejected(entity("Component", "name: x\ntags: [java, Go]", COMPONENT_SPEC))
                .body("error.documents[0].field", equalTo("metadata.tags.1"))
                .body("error.documents[0].message", equalTo("Policy check failed for component:default/x; caused by Error: "
                        + "\"tags.1\" is not valid;" + LEARN_MORE));
    }

    @Test
    void apiVersionAndKindFormats() {
        rejected("apiVersion: '1.0'\nkind: Component\nmetadata: {name: x}\nspec: {type: s, lifecycle: l, owner: o}\n")
                .body("error.documents[0].field", equalTo("apiVersion"))
                .body("error.documents[0].message", equalTo("Policy check failed for component:default/x; caused by Error: "
                        + "\"apiVersion\" is not valid; expected a valid prefix and/or suffix but found \"1.0\"." + LEARN_MORE));
        rejected("apiVersion: backstage.io/v1alpha1\nkind: 9lives\nmetadata: {name: x}\n")
                .body("error.documents[0].field", equalTo("kind"));
    }

    @Test
    void envelopeErrorsAndForeignRootFields() {
        rejected("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {title: x}\n")
                .body("error.documents[0].field", equalTo("metadata.name"))
                .body("error.documents[0].message", equalTo("Policy check failed for null; caused by Error: "
                        + "Malformed envelope, /metadata must have required property 'name'"));
        rejected(entity("Component", "name: x", COMPONENT_SPEC) + "relations: []\n")
                .body("error.documents[0].field", equalTo("relations"))
                .body("error.documents[0].message", equalTo("Policy check failed for component:default/x; caused by Error: Unknown field relations"));
        rejected("just a string\n").body("error.documents[0].message", equalTo("Expected object at root, got string"));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource(delimiter = '|', value = {
        "Component | lifecycle | type: service;owner: team",
        "API | definition | type: openapi;lifecycle: production;owner: team",
        "Resource | owner | type: database",
        "System | owner | domain: d",
        "Domain | owner | type: area",
        "Group | children | type: team",
        "User | memberOf | profile: {displayName: Ann}",
    })
    void requiredSpecFieldsPerKind(String kind, String missing, String spec) {
        String ref = kind.toLowerCase() + ":default/x";
        rejected(entity(kind, "name: x", spec.replace(";", "\n")))
                .body("error.documents[0].field", equalTo("spec." + missing))
                .body("error.documents[0].message", equalTo("Processor BuiltinKindsEntityProcessor threw an error while"
                        + " validating the entity " + ref + "; caused by TypeError: /spec must have required property '"
                        + missing + "' - missingProperty: " + missing));
    }

    @Test
    void templateNeedsItsOwnApiVersionAndUnknownKindsAreRefused() {
        rejected("apiVersion: backstage.io/v1alpha1\nkind: Template\nmetadata: {name: t}\nspec: {type: service, steps: []}\n")
                .body("error.documents[0].message", equalTo("No processor recognized the entity template:default/t as valid,"
                        + " possibly caused by a foreign kind or apiVersion"));
        ingest("v", "full", "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: {name: t}\n"
                + "spec: {type: service, owner: team, steps: [{action: fetch:plain}]}\n").statusCode(200);
        rejected("apiVersion: backstage.io/v1alpha1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n")
                .body("error.documents[0].field", equalTo("kind"));
    }

    @Test
    void dependsOnNeedsAKind() {
        rejected(entity("Component", "name: x", COMPONENT_SPEC + "\ndependsOn: [artists-db]"))
                .body("error.documents[0].field", equalTo("spec.dependsOn.0"))
                .body("error.documents[0].message", equalTo("Processor BuiltinKindsEntityProcessor threw an error while"
                        + " postprocessing; caused by TypeError: Entity reference \"artists-db\" had missing or empty kind"
                        + " (e.g. did not start with \"component:\" or similar)"));
    }

    @Test
    void keysThatDifferOnlyInCaseAreRefused() {
        rejected(entity("Component", "name: x", COMPONENT_SPEC + "\nfoo: 1\nFoo: 2"))
                .body("error.documents[0].message", equalTo("Entity has duplicate keys that vary only in casing, 'spec.foo'"));
    }

    @Test
    void javascriptViewAndEditUrlsAreNeutralised() {
        ingest("v", "full", entity("Component",
                "name: x\nannotations:\n  backstage.io/view-url: 'javascript:alert(1)'\n  backstage.io/edit-url: ' JaVaScRiPt:alert(2)'",
                COMPONENT_SPEC)).statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/x").then()
                .body("metadata.annotations.'backstage.io/view-url'", equalTo("https://backstage.io/annotation-rejected-for-security-reasons"))
                .body("metadata.annotations.'backstage.io/edit-url'", equalTo("https://backstage.io/annotation-rejected-for-security-reasons"));
    }

    @Test
    void yamlScalarsFollowYaml12() {
        ingest("v", "full", entity("Component", "name: x\nlabels: {enabled: 'yes'}\nannotations: {example.com/flag: yes, example.com/date: 2024-01-01}",
                COMPONENT_SPEC)).statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/x").then()
                .body("metadata.annotations.'example.com/flag'", equalTo("yes"))
                .body("metadata.annotations.'example.com/date'", equalTo("2024-01-01"));
    }

    @Test
    void validateEntityAnswersAsBackstageDoes() {
        String valid = "{\"entity\": {\"apiVersion\": \"backstage.io/v1alpha1\", \"kind\": \"Component\","
                + " \"metadata\": {\"name\": \"x\"}, \"spec\": {\"type\": \"service\", \"lifecycle\": \"production\","
                + " \"owner\": \"team\"}}, \"location\": \"url:https://github.com/acme/x/blob/main/catalog-info.yaml\"}";
        given().contentType("application/json").body(valid).post("/api/catalog/validate-entity").then()
                .statusCode(200).body(equalTo(""));
        given().contentType("application/json").body(valid.replace("\"owner\": \"team\"", "\"owner\": 7"))
                .post("/api/catalog/validate-entity").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].name", equalTo("InputError"))
                .body("errors[0].message", equalTo("Processor BuiltinKindsEntityProcessor threw an error while validating"
                        + " the entity component:default/x; caused by TypeError: /spec/owner must be string - type: string"));
        given().contentType("application/json").body(valid.replace("url:https", "file:https"))
                .post("/api/catalog/validate-entity").then().statusCode(400)
                .body("errors[0].name", equalTo("TypeError"))
                .body("errors[0].message", equalTo("Invalid location ref file:https://github.com/acme/x/blob/main/catalog-info.yaml,"
                        + " only 'url:<target>' is supported, e.g. url:https://host/path"));
        given().contentType("text/plain").body(valid).post("/api/catalog/validate-entity").then().statusCode(400)
                .body("errors[0].message", equalTo("Illegal Content-Type"));
        // nothing was stored
        given().get("/api/catalog/entities").then().body("", hasSize(0));
    }
}
