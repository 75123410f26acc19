package dev.scorecards.notifications;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.scorecards.Catalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The exact bodies of the events about adoption (webhook bodies are a contract): a first adopter, with
 * the consuming teams, and a new bypass, with each bypass's fields in the facts' own order.
 */
@QuarkusTest
class EventBodiesTest {
    @Inject
    DataSource dataSource;

    /** The payments System and its API; with {@code users}, a consumer of the API and a declared bypasser. */
    static String catalog(boolean users) {
        String base = """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: pay}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: payments, title: Payments}
                spec: {owner: group:default/pay}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: API
                metadata: {name: payments-api}
                spec: {type: openapi, lifecycle: production, owner: group:default/pay, system: payments, definition: x}
                """;
        return !users ? base : base + """
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: shop}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: cart}
                spec: {type: service, lifecycle: production, owner: group:default/shop, consumesApis: [payments-api]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ledger
                  annotations: {scorecards.dev/bypasses: system:default/payments}
                spec: {type: service, lifecycle: production, owner: group:default/shop}
                """;
    }

    @Test
    void firstAdopterAndBypassBodies() throws Exception {
        Catalog.wipe(dataSource);
        try (Receiver receiver = new Receiver()) {
            Catalog.ingest("pay", "full", catalog(false)).statusCode(200);
            given().contentType("application/json").body("{\"url\": \"" + receiver.base() + "/hook\", \"events\":"
                    + " [\"first-adopter\", \"bypass-detected\"], \"secret\": \"k\", \"selection\": {\"capabilities\":"
                    + " [\"system:default/payments\"]}}").post("/api/scorecards/webhooks").then().statusCode(201);
            Catalog.ingest("pay", "full", catalog(true)).statusCode(200);
            String capability = "\"capability\":{\"entityRef\":\"system:default/payments\",\"title\":\"Payments\","
                    + "\"owner\":\"group:default/pay\"}";
            assertEquals("{\"event\":\"first-adopter\",\"occurredAt\":\"T\"," + capability + ",\"consumers\":1,"
                    + "\"consumingTeams\":[\"group:default/shop\"]}", body(receiver, "first-adopter"));
            assertEquals("{\"event\":\"bypass-detected\",\"occurredAt\":\"T\"," + capability + ",\"bypasses\":[{"
                    + "\"ref\":\"component:default/ledger\",\"ownerRef\":\"group:default/shop\",\"teams\":"
                    + "[\"group:default/shop\"],\"how\":\"declared\",\"parts\":[]}],\"bypassingTeams\":"
                    + "[\"group:default/shop\"]}", body(receiver, "bypass-detected"));
        }
    }

    /** The body of the first delivery of this event, its time replaced by {@code T}. */
    private static String body(Receiver receiver, String event) {
        Receiver.Got got = receiver.await("/hook", g -> event.equals(g.header("X-Scorecards-Event")),
                Duration.ofSeconds(5));
        assertNotNull(got, "no " + event + " delivery within 5 seconds");
        return got.text().replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"T\"");
    }
}
