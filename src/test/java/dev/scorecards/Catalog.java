package dev.scorecards;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** Test helpers over the HTTP API: ingest documents, and start each test class from an empty catalog. */
public final class Catalog {
    private Catalog() {
    }

    public static ValidatableResponse ingest(String source, String mode, String yaml) {
        return given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("source", source).queryParam("mode", mode)
                .post("/api/catalog/ingest").then();
    }

    public static ValidatableResponse ingestJson(String source, String mode, String json) {
        return given().contentType("application/json").body(json)
                .queryParam("source", source).queryParam("mode", mode)
                .post("/api/catalog/ingest").then();
    }

    /**
     * Empties every table the stages own (tests run one class at a time), and has the scoring stage
     * read the (now empty) catalog again.
     */
    public static void wipe(DataSource dataSource) {
        truncate(dataSource);
        given().post("/api/scorecards/evaluate").then().statusCode(200);
    }

    /**
     * A new empty folder under {@code target/test-locations} (a file root of the test profile), for the
     * files a test registers as locations.
     */
    public static java.nio.file.Path locationFolder(String prefix) throws java.io.IOException {
        java.nio.file.Path roots = java.nio.file.Files.createDirectories(
                java.nio.file.Path.of("target/test-locations").toAbsolutePath());
        return java.nio.file.Files.createTempDirectory(roots, prefix);
    }

    /** Starts from the example organisation ({@code catalog-examples/}), registered as a file location. */
    public static void examples(DataSource dataSource) {
        wipe(dataSource);
        String root = java.nio.file.Path.of("catalog-examples/all.yaml").toAbsolutePath().toString();
        given().contentType("application/json").body("{\"type\": \"file\", \"target\": \"" + root + "\"}")
                .post("/api/catalog/locations").then().statusCode(201);
    }

    private static void truncate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select string_agg(format('truncate table %I cascade', tablename), '; ') from pg_tables"
                    + " where schemaname = 'public' and tablename not in ('flyway_schema_history', 'scoring_state', 'catalog_state')");
            var rs = s.getResultSet();
            rs.next();
            String truncate = rs.getString(1);
            if (truncate != null) {
                s.execute(truncate);
            }
            // the results changed behind the service's back: copies kept per results version are read again
            s.execute("update scoring_state set version = version + 1");
            s.execute("update catalog_state set version = version + 1"); // and cached catalog list answers

        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal valid Component. */
    public static String component(String name, String owner, String extraSpec) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                spec:
                  type: service
                  lifecycle: production
                  owner: %s
                %s
                """.formatted(name, owner, extraSpec == null ? "" : extraSpec.indent(2));
    }
}
