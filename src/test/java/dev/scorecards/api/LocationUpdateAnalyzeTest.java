package dev.scorecards.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code updateLocation} and {@code analyzeLocation}, as catalog-client 1.16.4 calls them. */
@QuarkusTest
class LocationUpdateAnalyzeTest {
    @Inject
    DataSource dataSource;

    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        Catalog.wipe(dataSource);
        root = Catalog.locationFolder("upd");
    }

    private Path write(String name, String... components) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (String c : components) {
            yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ").append(c)
                    .append("}\nspec: {type: service, lifecycle: production, owner: team}\n");
        }
        return Files.writeString(root.resolve(name), yaml.toString());
    }

    private static String location(String type, String target) {
        return "{\"type\": \"" + type + "\", \"target\": \"" + target + "\"}";
    }

    @Test
    void anUpdatedLocationKeepsItsIdAndEntityAndHoldsExactlyWhatTheNewTargetYields() throws IOException {
        Path first = write("first.yaml", "alpha", "beta");
        Path second = write("second.yaml", "gamma");
        Path other = write("other.yaml", "delta");
        var created = given().contentType("application/json").body(location("file", first.toString()))
                .post("/api/catalog/locations").then().statusCode(201).extract().jsonPath();
        String id = created.getString("location.id");
        String entityRef = created.getString("location.entityRef");
        given().contentType("application/json").body(location("file", other.toString()))
                .post("/api/catalog/locations").then().statusCode(201);

        given().contentType("application/json").body(location("file", second.toString()))
                .put("/api/catalog/locations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("type", equalTo("file")).body("target", equalTo(second.toString()))
                .body("entityRef", equalTo(entityRef));
        given().get("/api/catalog/locations/" + id).then().statusCode(200)
                .body("target", equalTo(second.toString())).body("entityRef", equalTo(entityRef));
        // alpha and beta left with the old target; gamma came with the new one; the other location's delta stays
        given().get("/api/catalog/entities?filter=kind=component&fields=metadata.name").then().statusCode(200)
                .body("metadata.name", containsInAnyOrder("gamma", "delta"));
        given().get("/api/catalog/entities/by-name/component/default/gamma").then().statusCode(200)
                .body("metadata.annotations.'backstage.io/managed-by-origin-location'", equalTo("file:" + second));
        // the location entity keeps its name and now points at the new target
        given().get("/api/catalog/entities/by-name/location/default/" + entityRef.substring(entityRef.indexOf('/') + 1))
                .then().statusCode(200).body("spec.target", equalTo(second.toString()));
        given().get("/api/catalog/locations/by-entity/component/default/gamma").then().statusCode(200)
                .body("id", equalTo(id));

        // another location's target: 409, nothing changes
        given().contentType("application/json").body(location("file", other.toString()))
                .put("/api/catalog/locations/" + id).then().statusCode(409)
                .body("error.name", equalTo("ConflictError"))
                .body("error.message", equalTo("Location file:" + other + " already exists"));
        // a target that cannot be read: 400 naming it, nothing changes
        given().contentType("application/json").body(location("file", root.resolve("missing.yaml").toString()))
                .put("/api/catalog/locations/" + id).then().statusCode(400)
                .body("error.name", equalTo("InputError"));
        given().get("/api/catalog/entities?filter=kind=component&fields=metadata.name").then().statusCode(200)
                .body("metadata.name", containsInAnyOrder("gamma", "delta"));
        given().get("/api/catalog/locations/" + id).then().body("target", equalTo(second.toString()));

        // unknown id, unknown key, wrong type
        given().contentType("application/json").body(location("file", first.toString()))
                .put("/api/catalog/locations/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("error.name", equalTo("NotFoundError"))
                .body("error.message", equalTo("Found no location with ID 00000000-0000-0000-0000-000000000000"));
        given().contentType("application/json").body("{\"type\": \"file\", \"target\": \"x\", \"extra\": 1}")
                .put("/api/catalog/locations/" + id).then().statusCode(400)
                .body("error.message", equalTo("request/body must NOT have additional properties"));
        given().contentType("application/json").body("{\"type\": \"file\", \"target\": 7}")
                .put("/api/catalog/locations/" + id).then().statusCode(400)
                .body("error.message", equalTo("request/body/target must be string"));
        given().contentType("application/json").body("{\"type\": \"file\"}")
                .put("/api/catalog/locations/" + id).then().statusCode(400)
                .body("error.message", equalTo("request/body must have required property 'target'"));
        // a taken target is a conflict even for an unknown id, as Backstage answers
        given().contentType("application/json").body(location("file", other.toString()))
                .put("/api/catalog/locations/00000000-0000-0000-0000-000000000000").then().statusCode(409);
    }

    @Test
    void aRepositoryUrlGetsTheComponentBackstageProposes() {
        given().contentType("application/json")
                .body("{\"location\": {\"type\": \"url\", \"target\": \"https://github.com/acme/payments\"}}")
                .post("/api/catalog/analyze-location").then().statusCode(200)
                .body("existingEntityFiles", hasSize(0))
                .body("generateEntities", hasSize(1))
                .body("generateEntities[0].fields", hasSize(0))
                .body("generateEntities[0].entity.apiVersion", equalTo("backstage.io/v1alpha1"))
                .body("generateEntities[0].entity.kind", equalTo("Component"))
                .body("generateEntities[0].entity.metadata.name", equalTo("payments"))
                .body("generateEntities[0].entity.metadata.annotations.'github.com/project-slug'", equalTo("acme/payments"))
                .body("generateEntities[0].entity.spec.type", equalTo("other"))
                .body("generateEntities[0].entity.spec.lifecycle", equalTo("unknown"));
        given().contentType("application/json")
                .body("{\"location\": {\"type\": \"url\", \"target\": \"https://gitlab.com/g/sub/repo/-/tree/main\"},"
                        + " \"catalogFilename\": \"catalog-info.yaml\"}")
                .post("/api/catalog/analyze-location").then().statusCode(200)
                .body("generateEntities[0].entity.metadata.name", equalTo("repo"))
                .body("generateEntities[0].entity.metadata.annotations.'gitlab.com/project-slug'", equalTo("g/sub/repo"));
        given().contentType("application/json")
                .body("{\"location\": {\"type\": \"url\", \"target\": \"https://git.example.com/team/tool.git\"}}")
                .post("/api/catalog/analyze-location").then().statusCode(200)
                .body("generateEntities[0].entity.metadata.name", equalTo("tool"))
                .body("generateEntities[0].entity.metadata.annotations", nullValue());
        given().contentType("application/json").body("{\"location\": {\"type\": \"url\", \"target\": \"not a url\"}}")
                .post("/api/catalog/analyze-location").then().statusCode(400)
                .body("error.name", equalTo("InputError"))
                .body("error.message", equalTo("The given location.target is not a URL"));
        given().contentType("application/json").body("{\"target\": \"https://github.com/acme/payments\"}")
                .post("/api/catalog/analyze-location").then().statusCode(400)
                .body("error.message", equalTo("request/body must have required property 'location'"));
        given().contentType("application/json").body("{\"location\": {\"type\": \"url\", \"target\": \"x\", \"x\": 1}}")
                .post("/api/catalog/analyze-location").then().statusCode(400)
                .body("error.message", equalTo("request/body/location must NOT have additional properties"));
        given().contentType("application/json").body("{\"location\": {\"type\": 5, \"target\": \"x\"}}")
                .post("/api/catalog/analyze-location").then().statusCode(400)
                .body("error.message", equalTo("request/body/location/type must be string"));
    }

    @Test
    void aCatalogFileIsReadAsADryRunAndItsEntitiesComeBackAsExistingFiles() throws IOException {
        Path file = write("catalog-info.yaml", "alpha", "beta");
        given().contentType("application/json")
                .body("{\"location\": " + location("file", file.toString()) + "}")
                .post("/api/catalog/analyze-location").then().statusCode(200)
                .body("generateEntities", hasSize(0))
                .body("existingEntityFiles.entity.metadata.name", contains("alpha", "beta"))
                .body("existingEntityFiles.location.type", contains("file", "file"))
                .body("existingEntityFiles.location.target", contains(file.toString(), file.toString()))
                .body("existingEntityFiles.isRegistered", contains(false, false));
        given().get("/api/catalog/entities?filter=kind=component").then().body("", hasSize(0)); // nothing stored
        given().contentType("application/json").body(location("file", file.toString()))
                .post("/api/catalog/locations").then().statusCode(201);
        given().contentType("application/json")
                .body("{\"location\": " + location("file", file.toString()) + "}")
                .post("/api/catalog/analyze-location").then().statusCode(200)
                .body("existingEntityFiles.isRegistered", contains(true, true));
        given().contentType("application/json")
                .body("{\"location\": " + location("file", root.resolve("nope.yaml").toString()) + "}")
                .post("/api/catalog/analyze-location").then().statusCode(400)
                .body("error.name", equalTo("InputError"));
    }
}
