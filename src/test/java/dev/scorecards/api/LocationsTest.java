package dev.scorecards.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Locations: file and url targets, nesting, placeholders, annotations, dry runs, refresh, limits. */
@QuarkusTest
class LocationsTest {
    @Inject
    DataSource dataSource;

    private Path root;
    private HttpServer server;
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        Catalog.wipe(dataSource);
        root = Path.of("target/test-locations").toAbsolutePath();
        Files.createDirectories(root);
        root = Files.createTempDirectory(root, "loc");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String body = served.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private Path write(String name, String content) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static String component(String name) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: " + name + "}\n"
                + "spec: {type: service, lifecycle: production, owner: team}\n";
    }

    private static io.restassured.response.ValidatableResponse register(String type, String target, String query) {
        return given().contentType("application/json").body("{\"type\": \"" + type + "\", \"target\": \"" + target + "\"}")
                .post("/api/catalog/locations" + query).then();
    }

    @Test
    void aManualRefreshWaitsForARefreshOfTheSameLocationRunningElsewhere() throws Exception {
        Path file = write("one.yaml", component("one"));
        String id = register("file", file.toString(), "").statusCode(201).extract().path("location.id");
        write("one.yaml", component("one-renamed"));
        String refresh = "{\"entityRef\": \"component:default/one\"}";
        // another replica (or the scheduled refresh) is reading this location and does not finish in time
        try (java.sql.Connection replica = dataSource.getConnection()) {
            assertEquals(true, advisory(replica, "pg_try_advisory_lock", "location:" + id));
            given().contentType("application/json").body(refresh).post("/api/catalog/refresh").then()
                    .statusCode(503).body("error.name", equalTo("ServiceUnavailableError"))
                    .body("error.message", equalTo("A refresh of location file:" + file
                            + " is still running; try again shortly"));
            given().get("/api/catalog/entities/by-name/component/default/one").then().statusCode(200);
            assertEquals(true, advisory(replica, "pg_advisory_unlock", "location:" + id));
        }
        given().contentType("application/json").body(refresh).post("/api/catalog/refresh").then().statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/one").then().statusCode(404);
        given().get("/api/catalog/entities/by-name/component/default/one-renamed").then().statusCode(200);
    }

    private static boolean advisory(java.sql.Connection c, String function, String key) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
            ps.setString(1, key);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Test
    void fileLocationsAreFollowedRecursivelyWithRelativeTargetsAndPlaceholders() throws IOException {
        Path all = write("all.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: all}
                spec: {targets: [./team/catalog.yaml, ./missing.yaml], presence: optional}
                """);
        write("team/catalog.yaml", component("svc") + """
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: svc-api}
                spec:
                  type: openapi
                  lifecycle: production
                  owner: team
                  definition: {$text: ../specs/svc.oas.yaml}
                """);
        write("specs/svc.oas.yaml", "openapi: 3.0.0\npaths: {}\n");

        String id = register("file", all.toString(), "").statusCode(201)
                .body("location.type", equalTo("file")).body("location.target", equalTo(all.toString()))
                .body("entities", hasSize(0)).extract().path("location.id");

        given().get("/api/catalog/locations").then().body("", hasSize(1)).body("[0].data.id", equalTo(id));
        given().get("/api/catalog/locations/" + id).then().body("target", equalTo(all.toString()));
        given().get("/api/catalog/entities/by-name/api/default/svc-api").then().statusCode(200)
                .body("spec.definition", equalTo("openapi: 3.0.0\npaths: {}\n"))
                .body("metadata.annotations.'backstage.io/managed-by-location'", equalTo("file:" + root.resolve("team/catalog.yaml")))
                .body("metadata.annotations.'backstage.io/managed-by-origin-location'", equalTo("file:" + all));
        String generated = given().get("/api/catalog/locations/" + id).path("entityRef");
        given().get("/api/catalog/entities/by-name/component/default/svc/ancestry").then()
                .body("rootEntityRef", equalTo("component:default/svc"))
                .body("items.entity.metadata.name", contains("svc", "all", generated.substring("location:default/".length())))
                .body("items[0].parentEntityRefs", contains("location:default/all"))
                .body("items[1].parentEntityRefs", contains(generated))
                .body("items[2].parentEntityRefs", hasSize(0));
        given().get("/api/catalog/locations/by-entity/component/default/svc").then().body("id", equalTo(id));
        register("file", all.toString(), "").statusCode(409)
                .body("error.name", equalTo("ConflictError"))
                .body("error.message", equalTo("Location file:" + all + " already exists"));

        // refresh picks up changes; DELETE prunes everything the location provided
        write("team/catalog.yaml", component("svc2"));
        given().contentType("application/json").body("{\"entityRef\": \"component:default/svc\"}")
                .post("/api/catalog/refresh").then().statusCode(200);
        given().get("/api/catalog/entities/by-name/component/default/svc").then().statusCode(404);
        given().get("/api/catalog/entities/by-name/component/default/svc2").then().statusCode(200);
        given().delete("/api/catalog/locations/" + id).then().statusCode(204);
        given().get("/api/catalog/entities").then().body("", hasSize(0));
        // read (and cached) by name above: the delete announces its change, so the cache forgets it
        given().get("/api/catalog/entities/by-name/component/default/svc2").then().statusCode(404);
        given().get("/api/catalog/locations/" + id).then().statusCode(404)
                .body("error.message", equalTo("Found no location with ID " + id));
    }

    @Test
    void dryRunProcessesWithoutStoringAndReportsWhetherItExists() throws IOException {
        Path f = write("one.yaml", component("dry"));
        register("file", f.toString(), "?dryRun=true").statusCode(201)
                .body("exists", equalTo(false))
                .body("entities.metadata.name", contains("generated-" + sha1("file:" + f), "dry"));
        given().get("/api/catalog/entities").then().body("", hasSize(0));
        given().get("/api/catalog/locations").then().body("", hasSize(0));
    }

    @Test
    void aBrokenLocationIsRefusedAndABrokenRefreshKeepsWhatWasStored() throws IOException {
        Path f = write("svc.yaml", component("kept"));
        register("file", root.resolve("nope.yaml").toString(), "").statusCode(400)
                .body("error.documents[0].message", startsWith("NotFoundError: "));
        register("file", f.toString(), "").statusCode(201);
        write("svc.yaml", component("kept") + "---\n" + component("Not Valid"));
        given().contentType("application/json").body("{\"entityRef\": \"component:default/kept\"}")
                .post("/api/catalog/refresh").then().statusCode(400)
                .body("error.documents[0].location", equalTo("file:" + f))
                .body("error.documents[0].index", equalTo(1))
                .body("error.documents[0].field", equalTo("metadata.name"));
        given().get("/api/catalog/entities/by-name/component/default/kept").then().statusCode(200);
    }

    @Test
    void aLocationIsReadAsItIsStoredAndAFileFoundMissingLateRefusesAllOfIt() throws IOException {
        write("a.yaml", component("first") + "---\n" + component("Not Valid"));
        Path all = write("all.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: all}
                spec: {targets: [./a.yaml, ./b.yaml]}
                """);
        write("b.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: nested}
                spec: {targets: [./c.yaml, ./gone.yaml]}
                """);
        write("c.yaml", component("third"));
        // the missing file is found after the bad document was read: as before, only what could not be read is listed
        register("file", all.toString(), "").statusCode(400)
                .body("error.documents", hasSize(1))
                .body("error.documents[0].location", equalTo("file:" + root.resolve("gone.yaml")))
                .body("error.documents[0].entityRef", equalTo("location:default/nested"))
                .body("error.documents[0].message", startsWith("NotFoundError: "));
        given().get("/api/catalog/locations").then().statusCode(200).body("", hasSize(0));
        given().get("/api/catalog/entities/by-name/location/default/all").then().statusCode(404);
        given().get("/api/catalog/entities/by-name/component/default/third").then().statusCode(404);
        // the bad document alone refuses it with its own problem; then fixed, everything is stored
        write("b.yaml", component("second"));
        register("file", all.toString(), "").statusCode(400)
                .body("error.documents", hasSize(1)).body("error.documents[0].index", equalTo(1))
                .body("error.documents[0].field", equalTo("metadata.name"));
        write("a.yaml", component("first"));
        register("file", all.toString(), "").statusCode(201);
        given().get("/api/catalog/entities?filter=kind=component&fields=metadata.name").then().statusCode(200)
                .body("metadata.name", containsInAnyOrder("first", "second"));
    }

    @Test
    void filesOutsideTheRootsAndUrlsOffTheAllowListAreNeverRead() {
        register("file", "/etc/passwd", "").statusCode(400)
                .body("error.message", startsWith("File location /etc/passwd is outside the allowed folders"));
        register("file", root + "/../../../../etc/hostname", "").statusCode(400);
        register("url", "http://169.254.169.254/latest/meta-data", "").statusCode(400)
                .body("error.message", equalTo("Url location http://169.254.169.254/latest/meta-data is on host"
                        + " 169.254.169.254, which is not in the allow-list (scorecards.locations.allowed-hosts)"));
        register("url", "ftp://localhost/x", "").statusCode(400);
        register("github", "x", "").statusCode(400)
                .body("error.message", equalTo("Registered locations must be of an allowed type [\"file\",\"url\"], got 'github'"));
        given().contentType("application/json").body("{\"type\": \"file\", \"target\": \"x\", \"extra\": 1}")
                .post("/api/catalog/locations").then().statusCode(400)
                .body("error.message", equalTo("Malformed request: Unrecognized key(s) in object: 'extra'"));
        given().contentType("text/plain").body("{}").post("/api/catalog/locations").then().statusCode(400)
                .body("error.message", equalTo("Illegal Content-Type"));
        given().contentType("application/json").body("{}").post("/api/catalog/locations").then().statusCode(400)
                .body("error.message", equalTo("Empty request body"));
        org.junit.jupiter.api.Assertions.assertEquals(0, requests.get());
    }

    @Test
    void urlLocationsResolveRelativeTargetsAndSetSourceAnnotations() {
        int port = server.getAddress().getPort();
        String base = "http://localhost:" + port + "/repo/blob/main/";
        served.put("/repo/blob/main/catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: repo}
                spec: {targets: [./services/a.yaml]}
                """);
        served.put("/repo/blob/main/services/a.yaml", component("from-url").replace("metadata: {name: from-url}",
                "metadata: {name: from-url, annotations: {backstage.io/view-url: 'https://given.example/x'}}"));
        register("url", base + "catalog-info.yaml", "").statusCode(201);
        given().get("/api/catalog/entities/by-name/component/default/from-url").then().statusCode(200)
                .body("metadata.annotations.'backstage.io/managed-by-location'", equalTo("url:" + base + "services/a.yaml"))
                .body("metadata.annotations.'backstage.io/source-location'", equalTo("url:" + base + "services/"))
                .body("metadata.annotations.'backstage.io/view-url'", equalTo("https://given.example/x"))
                .body("metadata.annotations.'backstage.io/edit-url'", containsString("/repo/edit/main/services/a.yaml"));

        // a body over scorecards.ingest.max-body-bytes is refused as it arrives
        served.put("/big.yaml", "#" + "x".repeat(10 * 1024 * 1024));
        register("url", "http://localhost:" + port + "/big.yaml", "").statusCode(400)
                .body("error.documents[0].message", equalTo("url http://localhost:" + port
                        + "/big.yaml is larger than the limit of 10485760 bytes"));
    }

    private static String sha1(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
