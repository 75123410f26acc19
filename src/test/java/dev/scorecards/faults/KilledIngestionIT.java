package dev.scorecards.faults;

import static dev.scorecards.faults.FaultFixture.checksum;
import static dev.scorecards.faults.FaultFixture.entities;
import static dev.scorecards.faults.FaultFixture.to;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.ServiceProcess;
import dev.scorecards.bench.SyntheticCatalog;
import io.restassured.response.ValidatableResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} in the middle of a large full sync: the catalog is exactly what it was before
 * (one transaction per ingestion), and the same ingestion run again completes with exact counts.
 */
class KilledIngestionIT {
    @Test
    void aServiceKilledDuringAnIngestionKeepsThePreviousStateAndTheNextIngestionCompletes() throws Exception {
        Path dir = FaultFixture.workDir("killed");
        SyntheticCatalog small = new SyntheticCatalog(2_000, 1);
        SyntheticCatalog large = new SyntheticCatalog(20_000, 2);
        Path smallFile = small.write(dir.resolve("small.yaml"));
        Path largeFile = large.write(dir.resolve("large.yaml"));
        Map<String, String> env = Map.of("SCORECARDS_INGEST_MAX_BODY_BYTES", String.valueOf(Files.size(largeFile) + 1),
                "SCORECARDS_CAPABILITIES_FILTER", "kind=none"); // nothing to score: the test is about the catalog
        EmbeddedPostgres postgres = EmbeddedDatabase.start(dir.resolve("postgres"), true);
        ServiceProcess service = null;
        try {
            service = FaultFixture.service(dir, "service", postgres, env);
            push(service, smallFile).statusCode(200).body("created", equalTo(2_000));
            List<String> before = entities(service, null);
            assertEquals(refs(small), refsOf(before));

            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(service.base() + "/api/catalog/ingest?source=synthetic&mode=full"))
                            .header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofFile(largeFile)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // killed as soon as the ingestion holds the write lock: it cannot have committed, since the
            // lock is held until its transaction ends (and the client must get no answer)
            awaitCatalogWrite(postgres);
            service.kill();
            assertThrows(ExecutionException.class, () -> inFlight.get(30, TimeUnit.SECONDS));

            service = FaultFixture.service(dir, "service", postgres, env);
            List<String> after = entities(service, null);
            assertEquals(before.size(), after.size());
            assertEquals(checksum(before), checksum(after));
            assertEquals(List.of(List.of("1")), FaultFixture.query(postgres,
                    "select count(*) from ingest_ingestion where source = 'push:synthetic'"));

            TreeSet<String> old = new TreeSet<>(refs(small));
            TreeSet<String> now = new TreeSet<>(refs(large));
            TreeSet<String> kept = new TreeSet<>(now);
            kept.retainAll(old);
            ValidatableResponse done = push(service, largeFile).statusCode(200).body("documents", equalTo(20_000))
                    .body("created", equalTo(now.size() - kept.size()))
                    .body("removed", equalTo(old.size() - kept.size()));
            int updated = done.extract().path("updated");
            int unchanged = done.extract().path("unchanged");
            assertEquals(kept.size(), updated + unchanged);
            // 20,000 composed entities take long to list on a busy machine: counts by kind from the API,
            // the refs from the table
            Map<String, Integer> kinds = new TreeMap<>();
            to(service).queryParam("facet", "kind").get("/api/catalog/entity-facets").then().statusCode(200)
                    .extract().jsonPath().getList("facets.kind", Map.class)
                    .forEach(f -> kinds.put((String) f.get("value"), (Integer) f.get("count")));
            assertEquals(Map.of("API", large.apis, "Component", large.components, "Domain", large.domains,
                    "Group", large.groups, "Resource", large.resources, "System", large.systems, "User", large.users),
                    kinds);
            List<String> stored = new ArrayList<>();
            FaultFixture.query(postgres, "select ref from catalog_entity").forEach(row -> stored.add(row.get(0)));
            stored.sort(null);
            assertEquals(List.copyOf(now), stored);
        } finally {
            if (service != null) {
                service.close();
            }
            postgres.close();
        }
    }

    private static ValidatableResponse push(ServiceProcess service, Path file) throws java.io.IOException {
        return to(service).contentType("application/yaml").body(Files.readAllBytes(file))
                .queryParam("source", "synthetic").queryParam("mode", "full")
                .post("/api/catalog/ingest").then();
    }

    /**
     * Waits (up to 60 s) until an ingestion holds the catalog's write lock: the advisory lock on the
     * bigint key 0x5C02ECA2D5 ({@code CatalogWriter.WRITE_LOCK}), which pg_locks shows as its high and
     * low 32 bits (classid 0x5C, objid 0x02ECA2D5, objsubid 1). Other advisory locks, such as the
     * cluster locks of scheduled work, do not count.
     */
    private static void awaitCatalogWrite(EmbeddedPostgres postgres) throws Exception {
        long key = catalogWriteLock();
        String held = "select 1 from pg_locks where locktype = 'advisory' and granted and objsubid = 1"
                + " and classid::bigint = " + (key >>> 32) + " and objid::bigint = " + (key & 0xFFFF_FFFFL);
        await("an ingestion holding the catalog's write lock").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> !FaultFixture.query(postgres, held).isEmpty());
    }

    /** {@code CatalogWriter.WRITE_LOCK}, read from the class so that the test follows it. */
    private static long catalogWriteLock() throws ReflectiveOperationException {
        java.lang.reflect.Field f = dev.scorecards.catalog.store.CatalogWriter.class.getDeclaredField("WRITE_LOCK");
        f.setAccessible(true);
        return f.getLong(null);
    }

    /** The refs of every entity of a synthetic catalog, sorted. */
    private static List<String> refs(SyntheticCatalog c) {
        TreeSet<String> refs = new TreeSet<>();
        add(refs, "domain:default/domain-", c.domains);
        add(refs, "group:default/team-", c.groups);
        add(refs, "user:default/user-", c.users);
        add(refs, "system:default/system-", c.systems);
        add(refs, "api:default/api-", c.apis);
        add(refs, "resource:default/db-", c.resources);
        add(refs, "component:default/svc-", c.components);
        return List.copyOf(refs);
    }

    private static void add(TreeSet<String> refs, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            refs.add(prefix + i);
        }
    }

    private static List<String> refsOf(List<String> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.substring(0, l.indexOf(' '))));
        return out;
    }
}
