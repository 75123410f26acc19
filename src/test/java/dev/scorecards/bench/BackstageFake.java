package dev.scorecards.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A Backstage catalog for the pull benchmark: the ingest body's documents served as
 * {@code GET /api/catalog/entities/by-query} pages with cursors, as Backstage pages them.
 */
final class BackstageFake implements AutoCloseable {
    private final List<byte[]> entities = new ArrayList<>();
    private final HttpServer server;

    BackstageFake(Path body) throws IOException {
        ObjectMapper json = new ObjectMapper();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        try (Reader r = Files.newBufferedReader(body, StandardCharsets.UTF_8)) {
            for (Object doc : new Yaml(options).loadAll(r)) {
                if (doc instanceof Map<?, ?> m && !m.isEmpty()) {
                    entities.add(json.writeValueAsBytes(m));
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "backstage-fake");
            t.setDaemon(true); // the benchmark's JVM ends when its work does
            return t;
        }));
        server.createContext("/api/catalog/entities/by-query", this::page);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int size() {
        return entities.size();
    }

    private void page(HttpExchange e) throws IOException {
        String query = e.getRequestURI().getRawQuery();
        int limit = Integer.parseInt(param(query, "limit", "500"));
        int from = Integer.parseInt(param(query, "cursor", "0"));
        int to = Math.min(entities.size(), from + limit);
        var out = new java.io.ByteArrayOutputStream(1 << 20);
        out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            out.write(entities.get(i));
        }
        String next = to < entities.size() ? "\"" + to + "\"" : "null";
        out.write(("],\"totalItems\":" + entities.size() + ",\"pageInfo\":{\"nextCursor\":" + next + "}}")
                .getBytes(StandardCharsets.UTF_8));
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(200, out.size());
        try (OutputStream os = e.getResponseBody()) {
            out.writeTo(os);
        }
    }

    private static String param(String query, String name, String fallback) {
        if (query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith(name + "=")) {
                    return kv.substring(name.length() + 1);
                }
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
