package dev.scorecards.hardening;

import static dev.scorecards.Catalog.component;
import static dev.scorecards.Catalog.ingest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stalled uploads hold nothing: while two dozen raw sockets have sent half a body and stopped, another
 * source ingests, reads, badges and readiness answer; each stalled upload ends in 408 in the envelope
 * after the body read timeout (10 s in tests, 30 s by default) and stores nothing.
 */
@QuarkusTest
class SlowClientTest {
    private static final int STALLED = 24;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        Catalog.wipe(dataSource);
    }

    @Test
    void halfSentBodiesHoldNoLockConnectionOrThread() throws Exception {
        // warm-up: the first ingestion and evaluation of a run pay for compiling, not for the stalled uploads
        ingest("warm-up", "full", component("warm", "team", null)).statusCode(200);
        ingest("warm-up", "full", "").statusCode(200);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(halfUpload("stalled-" + (i % 2), component("slow-" + i, "team", null)));
            }
            // the same source as a stalled upload, another source, reads, badges and readiness all answer
            ingest("stalled-0", "full", component("quick", "team", null)).statusCode(200)
                    .body("created", equalTo(1));
            ingest("other", "full", "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: other}\nspec: {owner: team}\n")
                    .statusCode(200);
            given().get("/api/catalog/entities?fields=metadata.name&order=asc:metadata.name").then().statusCode(200)
                    .body("metadata.name", contains("other", "quick"));
            given().get("/api/scorecards/badges/system/default/other/adoption.json").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            for (Socket s : stalled) {
                String answer = readAll(s);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                assertTrue(answer.contains("content-type: application/json") || answer.contains("Content-Type: application/json"),
                        answer);
                assertTrue(answer.endsWith("{\"error\":{\"name\":\"RequestTimeoutError\",\"message\":\"The request body was not"
                        + " received within 10 seconds (scorecards.http.body-read-timeout)\"},\"request\":{\"method\":\"POST\","
                        + "\"url\":\"/api/catalog/ingest?source=" + (stalled.indexOf(s) % 2 == 0 ? "stalled-0" : "stalled-1")
                        + "&mode=full\"},\"response\":{\"statusCode\":408}}"), answer);
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
        given().get("/api/catalog/entities?fields=metadata.name&order=asc:metadata.name").then()
                .body("metadata.name", contains("other", "quick"));
    }

    @Test
    void chunkedBodiesOverTheLimitAre413InTheEnvelope() throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/catalog/ingest?source=big HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "#".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            String answer = "";
            try {
                for (int i = 0; i < 11; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByTheServer) {
                // the server answers and closes as soon as the limit is passed
            }
            answer = readAll(s);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.endsWith("{\"error\":{\"name\":\"PayloadTooLargeError\",\"message\":\"The request body is larger"
                    + " than the limit of 10485760 bytes (scorecards.ingest.max-body-bytes)\"},\"request\":{\"method\":\"POST\","
                    + "\"url\":\"/api/catalog/ingest?source=big\"},\"response\":{\"statusCode\":413}}"), answer);
        }
    }

    private static Socket halfUpload(String source, String yaml) throws IOException {
        byte[] body = yaml.getBytes(StandardCharsets.UTF_8);
        Socket s = new Socket("localhost", RestAssured.port);
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/catalog/ingest?source=" + source + "&mode=full HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/yaml\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return s;
    }

    private static String readAll(Socket s) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived so far is the answer
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
