package dev.scorecards.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP receiver of deliveries on a free loopback port: records every request (path, headers,
 * raw body, when) and answers each path with the status codes it was told, in turn (then 200).
 */
public final class Receiver implements AutoCloseable {
    /** One request as received. */
    public record Got(String path, Map<String, String> headers, byte[] body, Instant at) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Got> got = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            String path = exchange.getRequestURI().getPath();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            got.add(new Got(path, headers, body, Instant.now()));
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
            List<Integer> script = scripts.getOrDefault(path, List.of());
            int status = n < script.size() ? script.get(n) : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The base URL, {@code http://localhost:<port>}. */
    public String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Answers every request only after this long (a slow receiver). */
    public void delay(Duration d) {
        delayMillis = d.toMillis();
    }

    /** Answers the first requests to {@code path} with these statuses. */
    public void answer(String path, Integer... statuses) {
        scripts.put(path, List.of(statuses));
    }

    public List<Got> received(String path) {
        List<Got> out = new ArrayList<>();
        for (Got g : got) {
            if (g.path().equals(path)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Waits up to {@code timeout} for a request to {@code path} matching {@code test}; null when none came. */
    public Got await(String path, Predicate<Got> test, Duration timeout) {
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> got.stream().filter(g -> g.path().equals(path) && test.test(g)).findFirst().orElse(null),
                            java.util.Objects::nonNull);
        } catch (ConditionTimeoutException none) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
