package dev.scorecards.faults;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.bench.CatalogBenchmark;
import dev.scorecards.bench.ServiceProcess;
import dev.scorecards.contract.ContractFilter;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the fault tests share: a fresh work folder, the packaged service started as its own process
 * on a database the test owns, HTTP calls to one replica (checked against the contract) and the
 * catalog's content as sorted lines.
 */
final class FaultFixture {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Small and quick to start: these services hold small catalogs and live for seconds. */
    static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private FaultFixture() {
    }

    /** An empty {@code target/faults/<name>}. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target/faults").toAbsolutePath().resolve(name);
        CatalogBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /** A replica of the service on a free port, against {@code postgres}; its output goes to {@code <name>.log}. */
    static ServiceProcess service(Path dir, String name, EmbeddedPostgres postgres, Map<String, String> env)
            throws IOException, InterruptedException {
        return ServiceProcess.launchOnFreePort(dir.resolve(name + ".log"), postgres.getJdbcUrl("postgres", "postgres"),
                JVM, env);
    }

    /** A request to {@code service}, whose response is checked against the contract. */
    static RequestSpecification to(ServiceProcess service) {
        return given().baseUri(service.base()).filter(new ContractFilter());
    }

    static ValidatableResponse ingest(ServiceProcess service, String source, String mode, String yaml) {
        return to(service).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .queryParam("source", source).queryParam("mode", mode)
                .post("/api/catalog/ingest").then();
    }

    /**
     * Every entity matching {@code filter} (all when null) as "ref etag description", sorted. Read
     * with Jackson rather than rest-assured: listings here hold up to 20,000 entities.
     */
    static List<String> entities(ServiceProcess service, String filter) throws IOException, InterruptedException {
        String query = "fields=kind,metadata.namespace,metadata.name,metadata.etag,metadata.description"
                + (filter == null ? "" : "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/catalog/entities?"
                + query)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("listing entities answered " + r.statusCode() + ": " + new String(r.body(),
                    StandardCharsets.UTF_8));
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode e : JSON.readTree(r.body())) {
            JsonNode m = e.path("metadata");
            lines.add((e.path("kind").asText() + ":" + m.path("namespace").asText() + "/" + m.path("name").asText())
                    .toLowerCase() + " " + m.path("etag").asText() + " " + m.path("description").asText());
        }
        lines.sort(null);
        return lines;
    }

    /** SHA-256 of the lines, one per line. */
    static String checksum(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                sha.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Component with a description and a {@code batch} label (to list a test's entities), in YAML. */
    static String component(String name, String description, String batch) {
        return """
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: %s
                  description: %s
                  labels:
                    batch: %s
                spec:
                  type: service
                  lifecycle: production
                  owner: group:default/platform
                """.formatted(name, description, batch);
    }

    /** Runs one query against {@code postgres} and returns its rows, each as its columns' text. */
    static List<List<String>> query(EmbeddedPostgres postgres, String sql, Object... params) throws java.sql.SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (var c = postgres.getPostgresDatabase().getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
