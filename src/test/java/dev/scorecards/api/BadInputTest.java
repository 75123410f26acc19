package dev.scorecards.api;

import static dev.scorecards.Catalog.component;
import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile or broken input gets a clear 4xx within a second and never touches what is stored. */
@QuarkusTest
class BadInputTest {
    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        Catalog.wipe(dataSource);
        ingest("victim", "full", component("stored", "team", null)).statusCode(200);
    }

    private static void stillStored() {
        given().get("/api/catalog/entities?fields=metadata.name,spec.owner").then()
                .body("metadata.name", contains("stored")).body("spec.owner", contains("team"));
    }

    @Test
    void bodiesOverTheLimitAre413WithTheEnvelope() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) '#');
        given().contentType("application/yaml").body(big).queryParam("source", "victim").queryParam("mode", "full")
                .post("/api/catalog/ingest").then().statusCode(413)
                .body("error.name", equalTo("PayloadTooLargeError"))
                .body("error.message", equalTo("The request body is 10485761 bytes, larger than the limit of 10485760"
                        + " bytes (scorecards.ingest.max-body-bytes)"))
                .body("response.statusCode", equalTo(413));
        stillStored();
    }

    @Test
    void aBillionLaughsIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        ingest("victim", "full", bomb.toString()).statusCode(400)
                .body("error.documents[0].message", containsString("YAML aliases expand to more than 200000 values"));
        stillStored();
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder yaml = new StringBuilder(component("x", "team", "aliases: [&v [1]" + ", *v".repeat(101) + "]"));
        ingest("victim", "full", yaml.toString()).statusCode(400)
                .body("error.documents[0].message", containsString("Excessive alias count: more than 100 YAML aliases in one document"));
    }

    @Test
    void deepNestingIsRefusedQuickly() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        ingest("victim", "full", deep).statusCode(400)
                .body("error.documents[0].message", containsString("nesting deeper than 64 levels"));
        given().contentType("application/json").body(deep.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", "victim").post("/api/catalog/ingest").then().statusCode(400)
                .body("error.documents[0].message", containsString("JSON error at line 1: nesting deeper than 64 levels"));
        stillStored();
    }

    @Test
    void hugeScalarsAreRefused() {
        String huge = component("x", "team", null).replace("type: service", "type: " + "y".repeat(3_000_000));
        ingest("victim", "full", huge).statusCode(400)
                .body("error.documents[0].message", equalTo("YAML error at line 6: line 6 is longer than 1048576 characters"));
        String quoted = component("x", "team", null).replace("type: service", "type: \"" + "y".repeat(1_100_000) + "\"");
        given().contentType("application/json").body(("{\"kind\": \"" + "y".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8))
                .queryParam("source", "victim").post("/api/catalog/ingest").then().statusCode(400)
                .body("error.documents[0].message", containsString("a value longer than 1048576 characters"));
        ingest("victim", "full", quoted).statusCode(400);
        stillStored();
    }

    @Test
    void duplicateKeysAndSyntaxErrorsNameTheDocumentAndLine() {
        ingest("victim", "full", component("ok", "team", null) + "---\napiVersion: a\nkind: b\nkind: c\n")
                .statusCode(400)
                .body("error.documents[0].index", equalTo(1))
                .body("error.documents[0].message", equalTo("YAML error at line 13: Map keys must be unique; \"kind\" is repeated"));
        ingest("victim", "full", "kind: [unclosed\n").statusCode(400)
                .body("error.documents[0].index", equalTo(0))
                .body("error.documents[0].message", containsString("YAML error at line"));
        ingest("victim", "full", "a: 1\n<<: {b: 2}\n").statusCode(400)
                .body("error.documents[0].message", containsString("YAML merge keys (<<) are not supported"));
        stillStored();
    }
}
