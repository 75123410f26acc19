package dev.scorecards.ingest;

import static dev.scorecards.Catalog.component;
import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A YAML document whose text is offered exactly as the stored entity was read from is taken as it
 * is, unparsed (issue 17): the stored rows stay identical; any change of the text, or of a
 * placeholder's target, is read and applied; numbering and duplicates are as one reader counts them.
 */
@QuarkusTest
class TextHashTest {
    @Inject
    DataSource dataSource;

    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        Catalog.wipe(dataSource);
        root = Catalog.locationFolder("text");
    }

    @Test
    void anUnchangedPushKeepsEveryRowAndAChangedOneIsApplied() throws Exception {
        String body = "# a catalog\n---\n" + component("a", "team", "dependsOn: [component:b]") + "---\n"
                + component("b", "team", null);
        ingest("s1", "full", body).statusCode(200).body("created", equalTo(2));
        Map<String, String> before = rows();
        ingest("s1", "full", body).statusCode(200).body("documents", equalTo(2)).body("unchanged", equalTo(2))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("removed", equalTo(0));
        assertEquals(before, rows());
        given().get("/api/catalog/entities/by-name/component/default/a").then().statusCode(200)
                .body("spec.owner", equalTo("team")).body("relations", hasSize(2));

        // another text of the same entity (a comment) is parsed: the entity stays, its text hash is remembered
        String commented = "# a catalog\n---\n" + component("a", "team", "dependsOn: [component:b]") + "# b\n---\n"
                + component("b", "team", null);
        ingest("s1", "full", commented).statusCode(200).body("unchanged", equalTo(2)).body("updated", equalTo(0));
        Map<String, String> remembered = rows();
        assertNotEquals(before.get("component:default/a"), remembered.get("component:default/a"));
        assertEquals(before.get("component:default/b"), remembered.get("component:default/b"));

        // a changed document is applied, the unchanged one is not written
        ingest("s1", "full", "# a catalog\n---\n" + component("a", "team", "dependsOn: [component:b]") + "# b\n---\n"
                + component("b", "other", null)).statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        given().get("/api/catalog/entities/by-name/component/default/b").then().body("spec.owner", equalTo("other"));
        assertEquals(remembered.get("component:default/a"), rows().get("component:default/a"));
    }

    @Test
    void unparsedDocumentsKeepTheirNumbersForDuplicates() {
        String a = "---\n" + component("a", "team", null);
        ingest("s1", "full", a).statusCode(200).body("created", equalTo(1));
        // empty and null documents take no number; both copies of a are taken unparsed
        ingest("s1", "full", "# only a comment\n---\n~\n" + a + "---\n# nothing\n" + a).statusCode(400)
                .body("error.documents", hasSize(1)).body("error.documents[0].index", equalTo(1))
                .body("error.documents[0].message", equalTo("Duplicate nested entity: component:default/a (also document 0)"));
        given().get("/api/catalog/entities/by-name/component/default/a").then().statusCode(200);
    }

    @Test
    void aLocationRefreshedUnchangedKeepsEveryRowButAChangedPlaceholderTargetIsApplied() throws Exception {
        Path all = write("all.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: all}\n"
                + "spec: {targets: [./c.yaml]}\n");
        String api = "---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: svc-api}\n"
                + "spec: {type: openapi, lifecycle: production, owner: team, definition: {$text: ./spec.txt}}\n";
        write("c.yaml", "---\n" + component("svc", "team", null) + api);
        write("spec.txt", "openapi: 3.0.0\n");
        given().contentType("application/json").body("{\"type\": \"file\", \"target\": \"" + all + "\"}")
                .post("/api/catalog/locations").then().statusCode(201);
        Map<String, String> before = rows();
        assertEquals(4, before.size()); // the generated Location, all, svc, svc-api
        refresh();
        assertEquals(before, rows());

        write("spec.txt", "openapi: 3.1.0\n");
        refresh();
        given().get("/api/catalog/entities/by-name/api/default/svc-api").then().statusCode(200)
                .body("spec.definition", equalTo("openapi: 3.1.0\n"));
        assertNotEquals(before.get("api:default/svc-api"), rows().get("api:default/svc-api"));
        assertEquals(before.get("component:default/svc"), rows().get("component:default/svc"));

        write("c.yaml", "---\n" + component("svc", "other", null) + api);
        refresh();
        given().get("/api/catalog/entities/by-name/component/default/svc").then().body("spec.owner", equalTo("other"))
                .body("metadata.annotations.'backstage.io/managed-by-location'", equalTo("file:" + root.resolve("c.yaml")));
    }

    private void refresh() {
        given().contentType("application/json").body("{\"entityRef\": \"component:default/svc\"}")
                .post("/api/catalog/refresh").then().statusCode(200);
    }

    private Path write(String name, String content) throws IOException {
        Path p = root.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** ref → input hash and update time of every stored entity. */
    private Map<String, String> rows() throws java.sql.SQLException {
        Map<String, String> out = new TreeMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select ref, input_hash, updated_at, body_hash from catalog_entity")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + " " + rs.getTimestamp(3) + " " + rs.getString(4));
            }
        }
        return out;
    }
}
