package dev.scorecards.faults;

import static dev.scorecards.faults.FaultFixture.component;
import static dev.scorecards.faults.FaultFixture.entities;
import static dev.scorecards.faults.FaultFixture.ingest;
import static dev.scorecards.faults.FaultFixture.query;
import static dev.scorecards.faults.FaultFixture.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorecards.EmbeddedDatabase;
import dev.scorecards.bench.ServiceProcess;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the service on one database: ingestions racing from both replicas are serialised
 * (nothing lost, never a mix). That the scheduled location refresh runs on one replica at a time is
 * tested without timing by {@code ingest/LocationRefreshLockTest}.
 */
class ReplicasIT {
    private static Path dir;
    private static EmbeddedPostgres postgres;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        dir = FaultFixture.workDir("replicas");
        postgres = EmbeddedDatabase.start(dir.resolve("postgres"), true);
        Map<String, String> env = Map.of();
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ServiceProcess> fa = starting.submit(() -> FaultFixture.service(dir, "replica-a", postgres, env));
            Future<ServiceProcess> fb = starting.submit(() -> FaultFixture.service(dir, "replica-b", postgres, env));
            a = fa.get();
            b = fb.get();
        } finally {
            starting.shutdown();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess s : new ServiceProcess[] {a, b}) {
            if (s != null) {
                s.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void deltaIngestionsOfOneSourceFromBothReplicasAreAllKept() throws Exception {
        int writers = 16;
        for (String round : List.of("first", "second")) {
            List<Integer> created = race(writers, i -> () -> ingest(i % 2 == 0 ? a : b, "shared", "delta",
                    component("delta-" + i, round + " " + i, "delta")).statusCode(200).extract().path(
                            round.equals("first") ? "created" : "updated"));
            assertEquals(java.util.Collections.nCopies(writers, 1), created);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                expected.add("component:default/delta-" + i + " " + round + " " + i);
            }
            expected.sort(null);
            assertEquals(expected, entities(a, "metadata.labels.batch=delta").stream()
                    .map(l -> l.replaceFirst(" \\S+ ", " ")).toList());
        }
        assertEquals(List.of(List.of("32", "16", "16")), query(postgres,
                "select count(*), sum(created), sum(updated) from ingest_ingestion where source = 'push:shared'"));
    }

    @Test
    void racingFullSyncsOfOneSourceLeaveExactlyOneOfThem() throws Exception {
        Map<String, String> state = sync(0, "old", 40, 50);
        ingest(a, "sync", "full", yaml(state)).statusCode(200);
        for (int round = 1; round <= 5; round++) {
            // rounds without shared entities: no row lock would order the two writes, only the write lock
            int shared = round % 2 == 0 ? 50 : 0;
            Map<String, String> fromA = sync(round, "a", 200, shared);
            Map<String, String> fromB = sync(round, "b", 200, shared);
            List<JsonPath> answers = race(2, i -> () -> ingest(i == 0 ? a : b, "sync", "full",
                    yaml(i == 0 ? fromA : fromB)).statusCode(200).extract().jsonPath());
            Map<String, String> now = new TreeMap<>();
            for (String line : entities(b, "metadata.labels.batch=sync")) {
                String[] f = line.split(" ", 3);
                now.put(f[0], f[2]);
            }
            boolean aLast = now.equals(fromA);
            assertTrue(aLast || now.equals(fromB), "round " + round + " left a mix of both full syncs");
            Map<String, String> first = aLast ? fromB : fromA;
            Map<String, String> last = aLast ? fromA : fromB;
            assertEquals(counts(state, first), counts(answers.get(aLast ? 1 : 0)), "the first sync of round " + round);
            assertEquals(counts(first, last), counts(answers.get(aLast ? 0 : 1)), "the second sync of round " + round);
            state = now;
        }
    }

    /** Runs {@code n} calls at once (released together) and returns their results in order. */
    private static <T> List<T> race(int n, java.util.function.IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> c = call.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** A full sync's entities by ref → description: {@code n} of its own and {@code shared} that others list too. */
    private static Map<String, String> sync(int round, String writer, int n, int shared) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            out.put("component:default/" + writer + "-" + round + "-" + i, "Own " + writer + " " + round);
        }
        for (int i = 0; i < shared; i++) {
            out.put("component:default/shared-" + i, "Shared by " + writer + " " + round);
        }
        return out;
    }

    private static String yaml(Map<String, String> entities) {
        StringBuilder out = new StringBuilder();
        entities.forEach((ref, description) -> out.append(component(ref.substring(ref.indexOf('/') + 1), description,
                "sync")));
        return out.toString();
    }

    /** What a full sync from {@code from} to {@code to} reports: created, updated, unchanged, removed. */
    private static List<Integer> counts(Map<String, String> from, Map<String, String> to) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (var e : to.entrySet()) {
            String was = from.get(e.getKey());
            if (was == null) {
                created++;
            } else if (was.equals(e.getValue())) {
                unchanged++;
            } else {
                updated++;
            }
        }
        Set<String> removed = new HashSet<>(from.keySet());
        removed.removeAll(to.keySet());
        return List.of(created, updated, unchanged, removed.size());
    }

    private static List<Integer> counts(JsonPath answer) {
        return List.of(answer.getInt("created"), answer.getInt("updated"), answer.getInt("unchanged"),
                answer.getInt("removed"));
    }
}
