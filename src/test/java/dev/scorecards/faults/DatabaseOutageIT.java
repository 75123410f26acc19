package dev.scorecards.faults;

import static dev.scorecards.faults.FaultFixture.entities;
import static dev.scorecards.faults.FaultFixture.ingest;
import static dev.scorecards.faults.FaultFixture.to;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.ServiceProcess;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running replica: readiness turns DOWN, liveness stays UP, requests
 * that need the database answer 503 with Retry-After in Backstage's envelope, and when the database
 * is back the replica recovers by itself, with what was stored before intact and what changed
 * meanwhile (written by another replica) seen.
 */
class DatabaseOutageIT {
    private static final String PAYMENTS = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: platform
              description: Platform team
            spec:
              type: team
              children: []
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: shop
              description: Shop team
            spec:
              type: team
              children: []
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata:
              name: payments
              description: Payments as a service
            spec:
              owner: group:default/platform
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata:
              name: payments-api
              description: Take a payment
            spec:
              type: openapi
              lifecycle: production
              owner: group:default/platform
              system: payments
              definition: "openapi: 3.0.0"
            """;
    private static final String CHECKOUT = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
              description: Checkout
            spec:
              type: service
              lifecycle: production
              owner: group:default/shop
              consumesApis: [api:default/payments-api]
            """;

    @Test
    void aReplicaIsUnreadyWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        Path dir = FaultFixture.workDir("outage");
        Path data = dir.resolve("postgres");
        EmbeddedPostgres postgres = EmbeddedDatabase.start(data, false);
        int port = postgres.getPort();
        ServiceProcess replica = null;
        try {
            replica = FaultFixture.service(dir, "replica", postgres, Map.of());
            ingest(replica, "payments", "full", PAYMENTS).statusCode(200).body("created", equalTo(4));
            List<String> before = withoutEtags(entities(replica, null));
            assertEquals(4, before.size());
            to(replica).get("/api/scorecards/capabilities/system/default/payments").then().statusCode(200)
                    .body("adoption.consumers", equalTo(0));

            postgres.close();
            postgres = null;
            poll(replica, "/q/health/ready", 503, "catalog changes", "DOWN");
            to(replica).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'catalog changes' }.status", equalTo("DOWN"));
            to(replica).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            unavailable(to(replica).get("/api/catalog/entities"), "GET", "/api/catalog/entities");
            unavailable(to(replica).get("/api/catalog/entities/by-name/system/default/payments"),
                    "GET", "/api/catalog/entities/by-name/system/default/payments");
            unavailable(to(replica).get("/api/scorecards/capabilities"), "GET", "/api/scorecards/capabilities");
            // Tech Insights bulk runs answer the error, not a 200 with a truncated array
            unavailable(to(replica).contentType("application/json").body("{\"entities\": [\"system:default/payments\"]}")
                    .post("/api/tech-insights/checks/run"), "POST", "/api/tech-insights/checks/run");
            unavailable(to(replica).contentType("application/json").body("{\"entities\": []}")
                    .post("/api/tech-insights/checks/run"), "POST", "/api/tech-insights/checks/run");
            unavailable(to(replica).contentType("application/yaml")
                    .body(FaultFixture.component("during-outage", "Lost", "outage").getBytes(java.nio.charset.StandardCharsets.UTF_8)).queryParam("source", "payments")
                    .post("/api/catalog/ingest"), "POST", "/api/catalog/ingest?source=payments");

            // meanwhile another replica, which can reach the database, changes the catalog
            EmbeddedPostgres reachable = restart(data, 0);
            try (ServiceProcess other = FaultFixture.service(dir, "other-replica", reachable, Map.of())) {
                ingest(other, "checkout", "delta", CHECKOUT).statusCode(200).body("created", equalTo(1));
            } finally {
                reachable.close();
            }

            postgres = restart(data, port);
            poll(replica, "/q/health/ready", 200, "catalog changes", "UP");
            to(replica).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

            List<String> expected = new ArrayList<>(before);
            expected.add("component:default/checkout Checkout");
            expected.sort(null);
            assertEquals(expected, withoutEtags(entities(replica, null)));
            to(replica).get("/api/catalog/entities/by-name/component/default/during-outage").then().statusCode(404);
            // the replica read its catalog graph again: its own evaluation counts the consumer added meanwhile
            to(replica).post("/api/scorecards/capabilities/system/default/payments/evaluate").then().statusCode(200);
            to(replica).get("/api/scorecards/capabilities/system/default/payments").then().statusCode(200)
                    .body("adoption.consumers", equalTo(1)).body("adoption.consumingTeams", equalTo(List.of("group:default/shop")));
            to(replica).queryParam("q", "payments").get("/api/scorecards/capabilities").then().statusCode(200)
                    .body("items.find { it.entityRef == 'system:default/payments' }.consumers", equalTo(1));

            ingest(replica, "payments", "delta", FaultFixture.component("after-outage", "Written after", "outage"))
                    .statusCode(200).body("created", equalTo(1));
            to(replica).get("/api/catalog/entities/by-name/component/default/after-outage").then().statusCode(200)
                    .body("metadata.description", equalTo("Written after"));
        } finally {
            if (replica != null) {
                replica.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static void unavailable(Response r, String method, String url) {
        r.then().statusCode(503).header("Retry-After", "5")
                .body("error.name", equalTo("ServiceUnavailableError"))
                .body("error.message", equalTo("The database is unavailable; try again later"))
                .body("request.method", equalTo(method)).body("request.url", equalTo(url))
                .body("response.statusCode", equalTo(503));
    }

    /** Polls (up to 30 s) until {@code path} answers {@code status} with the named check in {@code checkStatus}. */
    private static void poll(ServiceProcess s, String path, int status, String check, String checkStatus) {
        await(path + " answering " + status + " with " + check + " " + checkStatus).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    Response r = to(s).get(path);
                    return r.statusCode() == status && checkStatus.equals(
                            r.jsonPath().getString("checks.find { it.name == '" + check + "' }.status"));
                });
    }

    /** "ref etag description" → "ref description": relations added by a consumer change an entity's etag. */
    /**
     * Starts PostgreSQL again on {@code data}: on {@code port}, which another process may have taken
     * meanwhile (then tried again every 2 s, five times), or with {@code port} 0 on any free port (a
     * new one for each try).
     */
    private static EmbeddedPostgres restart(Path data, int port) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return EmbeddedDatabase.start(data, false, port == 0 ? ServiceProcess.freePort() : port);
            } catch (java.io.IOException | RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                System.out.printf("PostgreSQL did not start on %s (try %d): %s%n",
                        port == 0 ? "a free port" : "port " + port, attempt, e);
                Thread.sleep(2000);
            }
        }
    }

    private static List<String> withoutEtags(List<String> lines) {
        return lines.stream().map(l -> l.replaceFirst(" \\S+ ", " ")).toList();
    }
}
