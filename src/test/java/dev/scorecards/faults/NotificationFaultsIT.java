package dev.scorecards.faults;

import static dev.scorecards.faults.FaultFixture.ingest;
import static dev.scorecards.faults.FaultFixture.query;
import static dev.scorecards.faults.FaultFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.ServiceProcess;
import dev.scorecards.notifications.Receiver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notification outbox against real processes: a service killed with {@code kill -9} after the
 * change committed and before anything was sent delivers after its restart; two replicas sending from
 * one outbox never send the same delivery twice.
 */
class NotificationFaultsIT {
    private static Map<String, String> env(boolean sending) {
        return Map.of("SCORECARDS_LOCATIONS_ALLOWED_HOSTS", "localhost:*",
                "SCORECARDS_NOTIFICATIONS_POLL_EVERY", sending ? "1s" : "off",
                "SCORECARDS_NOTIFICATIONS_BACKOFF_INITIAL", "1s", "SCORECARDS_NOTIFICATIONS_BACKOFF_MAX", "2s");
    }

    /** {@code n} Systems owned by one group, with descriptions or without (then Documentation drops a level). */
    private static String catalog(int n, boolean described) {
        StringBuilder out = new StringBuilder("""
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata:
                  name: pay
                spec:
                  type: team
                  children: []
                """);
        for (int i = 0; i < n; i++) {
            out.append("""
                    ---
                    apiVersion: backstage.io/v1alpha1
                    kind: System
                    metadata:
                      name: system-%d
                    %s
                    spec:
                      owner: group:default/pay
                    """.formatted(i, described ? "  description: System number " + i : ""));
        }
        return out.toString();
    }

    private static String subscribe(ServiceProcess s, Receiver r, String path) {
        return to(s).contentType("application/json").body("{\"url\": \"" + r.base() + path + "\", \"events\":"
                + " [\"level-changed\", \"check-regressed\"], \"secret\": \"k\", \"selection\": {\"owner\": \"pay\"}}")
                .post("/api/scorecards/webhooks").then().statusCode(201).extract().path("id");
    }

    @Test
    void aServiceKilledBetweenCommitAndDeliveryDeliversAfterRestart() throws Exception {
        Path dir = FaultFixture.workDir("notify-killed");
        EmbeddedPostgres postgres = EmbeddedDatabase.start(dir.resolve("postgres"), true);
        ServiceProcess service = null;
        try (Receiver receiver = new Receiver()) {
            // this replica commits changes with their outbox rows, and never sends
            service = FaultFixture.service(dir, "service", postgres, env(false));
            ingest(service, "pay", "full", catalog(1, true)).statusCode(200);
            subscribe(service, receiver, "/hook");
            ingest(service, "pay", "full", catalog(1, false)).statusCode(200);
            List<List<String>> pending = query(postgres, "select id::text from notification_delivery"
                    + " where status = 'pending' order by seq");
            assertTrue(pending.size() >= 2, "level-changed and check-regressed are committed: " + pending);
            service.kill();
            assertEquals(0, receiver.received("/hook").size());

            service = FaultFixture.service(dir, "service", postgres, env(true));
            Awaitility.await("every pending delivery sent").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)).until(() -> receiver.received("/hook").size() >= pending.size());
            List<String> sent = receiver.received("/hook").stream().map(g -> g.header("X-Scorecards-Delivery")).toList();
            assertEquals(pending.stream().map(r -> r.get(0)).toList(), sent, "every delivery, once, in order");
            assertEquals(List.of(List.of(String.valueOf(pending.size()))), query(postgres,
                    "select count(*) from notification_delivery where status = 'delivered' and attempts = 1"));
        } finally {
            if (service != null) {
                service.close();
            }
            postgres.close();
        }
    }

    @Test
    void twoReplicasNeverSendTheSameDeliveryTwice() throws Exception {
        Path dir = FaultFixture.workDir("notify-replicas");
        EmbeddedPostgres postgres = EmbeddedDatabase.start(dir.resolve("postgres"), true);
        ServiceProcess a = null;
        ServiceProcess b = null;
        try (Receiver receiver = new Receiver()) {
            receiver.delay(Duration.ofMillis(30)); // a slow receiver widens every race between the two senders
            a = FaultFixture.service(dir, "replica-a", postgres, env(true));
            b = FaultFixture.service(dir, "replica-b", postgres, env(true));
            int systems = 40;
            ingest(a, "pay", "full", catalog(systems, true)).statusCode(200);
            for (int i = 0; i < 4; i++) { // four subscriptions: the replicas send for several targets at once
                subscribe(i % 2 == 0 ? a : b, receiver, "/hook-" + i);
            }
            ingest(b, "pay", "full", catalog(systems, false)).statusCode(200);
            ingest(a, "pay", "full", catalog(systems, true)).statusCode(200);
            Awaitility.await("every delivery delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> query(postgres, "select count(*) from notification_delivery where status <> 'delivered'")
                            .equals(List.of(List.of("0"))));
            List<List<String>> deliveries = query(postgres, "select id::text, status, attempts from notification_delivery");
            assertTrue(deliveries.size() >= 4 * systems * 2, "deliveries: " + deliveries.size());
            Map<String, Integer> times = new HashMap<>();
            for (int i = 0; i < 4; i++) {
                for (Receiver.Got g : receiver.received("/hook-" + i)) {
                    times.merge(g.header("X-Scorecards-Delivery"), 1, Integer::sum);
                }
            }
            for (List<String> d : deliveries) {
                assertEquals("delivered", d.get(1));
                assertEquals(Integer.valueOf(1), times.get(d.get(0)), "delivery " + d.get(0) + " was received");
            }
            assertEquals(deliveries.size(), times.size());
            for (int i = 0; i < 4; i++) { // each target got its deliveries in the order they were recorded
                List<String> order = query(postgres, "select d.id::text from notification_delivery d join"
                        + " notification_webhook w on w.id = d.webhook_id where w.url like ? order by d.seq",
                        "%/hook-" + i).stream().map(r -> r.get(0)).toList();
                assertEquals(order, receiver.received("/hook-" + i).stream()
                        .map(g -> g.header("X-Scorecards-Delivery")).toList(), "order of /hook-" + i);
            }
        } finally {
            for (ServiceProcess s : new ServiceProcess[] {a, b}) {
                if (s != null) {
                    s.close();
                }
            }
            postgres.close();
        }
    }
}
