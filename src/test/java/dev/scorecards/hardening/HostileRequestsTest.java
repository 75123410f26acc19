package dev.scorecards.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Early refusals, url targets and file targets say what, never how: a malformed {@code Host} header
 * is a 400 in the envelope (not Quarkus' bare error page, not an ERROR in the log); a url target that
 * refuses the connection and one that answers no HTTP get the same words (no port scanning through
 * the allow-list); a file target that is a FIFO or a directory is refused at once, naming it.
 */
@QuarkusTest
class HostileRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    DataSource dataSource;

    @BeforeEach
    void empty() {
        Catalog.wipe(dataSource);
    }

    /** Sends {@code request} as written on a socket of its own and returns the whole answer. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static JsonNode envelope(String answer, int status) throws IOException {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(status, body.path("response").path("statusCode").asInt(), answer);
        return body;
    }

    @Test
    void aMalformedOrMissingHostHeaderIsA400InTheEnvelope() throws IOException {
        for (String host : new String[] {"Host: exa mple.com:abc\r\n", "Host: [::1\r\n", "Host: a:99999999\r\n",
                "Host: a@b\r\n", "Host: a/b\r\n", ""}) {
            JsonNode body = envelope(raw("GET /api/scorecards/summary HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"),
                    400);
            assertEquals("InputError", body.path("error").path("name").asText(), host);
            assertEquals("Malformed request: the Host header is missing or not a valid host name and port",
                    body.path("error").path("message").asText(), host);
            assertEquals("GET", body.path("request").path("method").asText());
            assertEquals("/api/scorecards/summary", body.path("request").path("url").asText());
        }
        // also in front of a write: nothing is read, nothing stored
        JsonNode body = envelope(raw("POST /api/catalog/ingest?source=s HTTP/1.1\r\nHost: a b\r\nContent-Type:"
                + " application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]"), 400);
        assertEquals("/api/catalog/ingest?source=s", body.path("request").path("url").asText());
    }

    @Test
    void anUndecodableTargetALongLineAndLargeHeadersAreRefusedInTheEnvelope() throws IOException {
        for (String target : new String[] {"/%zz", "/api/scorecards/summary?q=%zz", "/api/catalog/entities/by-name/a/b/%"}) {
            JsonNode body = envelope(raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                    400);
            assertEquals("InputError", body.path("error").path("name").asText(), target);
            assertTrue(body.path("error").path("message").asText()
                    .startsWith("Malformed request: the request target is not a valid URI: malformed escape pair at index "),
                    body.toString());
            assertEquals(target, body.path("request").path("url").asText());
        }
        String longQuery = "/api/scorecards/summary?pad=" + "a".repeat(4100);
        JsonNode line = envelope(raw("GET " + longQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                414);
        assertEquals("UriTooLongError", line.path("error").path("name").asText());
        assertEquals("Malformed request: the request line is 4141 characters long, longer than the limit of 4096"
                + " (scorecards.http.max-request-line)", line.path("error").path("message").asText());
        JsonNode headers = envelope(raw("GET /api/scorecards/summary HTTP/1.1\r\nHost: localhost\r\nX-Pad: "
                + "b".repeat(30_000) + "\r\nConnection: close\r\n\r\n"), 431);
        assertEquals("RequestHeaderFieldsTooLargeError", headers.path("error").path("name").asText());
        assertEquals("Malformed request: the header fields take 30045 bytes, more than the limit of 20480"
                + " (scorecards.http.max-header-size)", headers.path("error").path("message").asText());
        // just under both limits is served
        String under = raw("GET /api/scorecards/summary?pad=" + "a".repeat(4000) + " HTTP/1.1\r\nHost: localhost\r\nX-Pad: "
                + "b".repeat(19_000) + "\r\nConnection: close\r\n\r\n");
        assertTrue(under.startsWith("HTTP/1.1 200 "), under.substring(0, Math.min(200, under.length())));
    }

    /** The problem a location registration reports for {@code target}. */
    private static String registrationProblem(String type, String target) {
        return given().contentType("application/json").body("{\"type\": \"" + type + "\", \"target\": \"" + target
                + "\"}").post("/api/catalog/locations").then().statusCode(400)
                .extract().path("error.documents[0].message");
    }

    @Test
    void aRefusingAndANonHttpUrlTargetGetTheSameWords() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nobody listens there once closed: the connection is refused
        }
        try (ServerSocket hangsUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> { // accepts and closes at once: an open port that speaks no HTTP
                while (!hangsUp.isClosed()) {
                    try (Socket c = hangsUp.accept()) {
                        c.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String refused = registrationProblem("url", "http://localhost:" + closed + "/catalog-info.yaml");
            String notHttp = registrationProblem("url", "http://localhost:" + hangsUp.getLocalPort() + "/catalog-info.yaml");
            assertEquals("Could not read http://localhost:" + closed + "/catalog-info.yaml: no complete answer within"
                    + " PT10S (scorecards.locations.read-timeout)", refused);
            assertEquals(refused.replace(":" + closed + "/", ":" + hangsUp.getLocalPort() + "/"), notHttp);
        }
    }

    @Test
    void fileTargetsMustBeRegularFilesAndAFifoDoesNotHang() throws Exception {
        Path root = Catalog.locationFolder("special");
        Path fifo = root.resolve("catalog-info.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        // sent with a deadline of its own: before, reading a FIFO waited for a writer for ever
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(Raw.uri("/api/catalog/locations"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"file\", \"target\": \"" + fifo + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("File location " + fifo + " is not a regular file (a FIFO, socket or device)",
                JSON.readTree(r.body()).path("error").path("documents").path(0).path("message").asText(), r.body());
        Path dir = Files.createDirectories(root.resolve("folder.yaml"));
        assertEquals("File location " + dir + " is not a regular file (a directory)", registrationProblem("file",
                dir.toString()));
        // outside the roots: refused without naming the configured roots
        given().contentType("application/json").body("{\"type\": \"file\", \"target\": \"/etc/passwd\"}")
                .post("/api/catalog/locations").then().statusCode(400).body("error.message",
                        equalTo("File location /etc/passwd is outside the allowed folders (scorecards.locations.file-roots)"));
    }
}
