package dev.scorecards.ingest.backstage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A live Backstage for the pull tests, on an ephemeral port: {@code /acme} and {@code /small} serve
 * Backstage's {@code GET /api/catalog/entities/by-query} (pages, opaque cursors, {@code kind} filters,
 * Backstage's error envelope), {@code /oauth/token} an OAuth2 client-credentials token endpoint.
 * {@code /acme} wants a token issued there, {@code /small} the static token. It records every request.
 *
 * {@code /slow} sends its headers at once, then its body a byte every 500 ms.
 *
 * <p>As a (global) test resource it binds the server (on a port of the system's choosing) in {@link #start},
 * configures the sources and injects itself into the test's {@code BackstageStub} field; {@link #stop} stops
 * it. It stays global: a resource restricted to one test class would make Quarkus restart for that class
 * and for the next.
 */
@QuarkusTestResource(BackstageStub.class)
public class BackstageStub implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_ID = "scorecards";
    static final String CLIENT_SECRET = "s3cret&=";
    static final String SCOPE = "catalog.read";
    static final String STATIC_TOKEN = "static-token";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, List<JsonNode>> catalogs = new LinkedHashMap<>();
    private final Set<String> issued = new HashSet<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private int tokensIssued;
    private int failPage;
    private int malformedPage;
    private boolean refuseClient;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool()); // a trickling answer must not hold up the others
        server.createContext("/oauth/token", this::token);
        server.createContext("/acme/api/catalog/entities/by-query", e -> byQuery(e, "acme"));
        server.createContext("/small/api/catalog/entities/by-query", e -> byQuery(e, "small"));
        server.createContext("/slow/api/catalog/entities/by-query", BackstageStub::trickle);
        server.start();
        int port = server.getAddress().getPort();
        String base = "http://localhost:" + port;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("scorecards.backstage.acme.base-url", base + "/acme/");
        config.put("scorecards.backstage.acme.token-url", base + "/oauth/token");
        config.put("scorecards.backstage.acme.client-id", CLIENT_ID);
        config.put("scorecards.backstage.acme.client-secret", CLIENT_SECRET);
        config.put("scorecards.backstage.acme.scope", SCOPE);
        config.put("scorecards.backstage.acme.page-size", "40");
        config.put("scorecards.backstage.acme.interval", "1h");
        config.put("scorecards.backstage.small.base-url", base + "/small");
        config.put("scorecards.backstage.small.token", STATIC_TOKEN);
        config.put("scorecards.backstage.small.filter", "kind=component");
        // a host outside scorecards.locations.allowed-hosts (tests allow localhost only); manual pulls only
        config.put("scorecards.backstage.elsewhere.base-url", "http://127.0.0.1:" + port + "/small");
        config.put("scorecards.backstage.elsewhere.token", STATIC_TOKEN);
        config.put("scorecards.backstage.elsewhere.interval", "off");
        // answers slower than its read timeout allows; manual pulls only
        config.put("scorecards.backstage.slow.base-url", base + "/slow");
        config.put("scorecards.backstage.slow.token", STATIC_TOKEN);
        config.put("scorecards.backstage.slow.interval", "off");
        config.put("scorecards.backstage.slow.read-timeout", "2s");
        // no base-url: off, neither listed nor pullable
        config.put("scorecards.backstage.dormant.token", "unused");
        return config;
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(BackstageStub.class));
    }

    /** What the two catalogs hold from now on; failures off, the request log emptied. */
    synchronized void reset(List<JsonNode> acme, List<JsonNode> small) {
        catalogs.put("acme", new ArrayList<>(acme));
        catalogs.put("small", new ArrayList<>(small));
        requests.clear();
        tokensIssued = 0;
        failPage = 0;
        malformedPage = 0;
        refuseClient = false;
    }

    synchronized List<JsonNode> catalog(String name) {
        return catalogs.get(name);
    }

    /** Page {@code page} (1-based) answers HTTP 500; 0 for none. */
    synchronized void failPage(int page) {
        failPage = page;
    }

    /** Page {@code page} answers a truncated JSON body; 0 for none. */
    synchronized void malformedPage(int page) {
        malformedPage = page;
    }

    /** Tokens issued so far stop being accepted. */
    synchronized void revokeTokens() {
        issued.clear();
    }

    /** The token endpoint refuses the client from now on. */
    synchronized void refuseClient() {
        refuseClient = true;
    }

    synchronized int tokensIssued() {
        return tokensIssued;
    }

    /** Every request since the last reset: {@code METHOD path?query Authorization}. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private synchronized void token(HttpExchange e) throws IOException {
        String form = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = e.getRequestHeaders().getFirst("Authorization");
        requests.add(e.getRequestMethod() + " " + e.getRequestURI() + " " + authorization + " " + form);
        String basic = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Map<String, String> params = query(form);
        if (refuseClient || !e.getRequestMethod().equals("POST") || !basic.equals(authorization)
                || !"application/x-www-form-urlencoded".equals(e.getRequestHeaders().getFirst("Content-Type"))) {
            send(e, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"client_credentials".equals(params.get("grant_type")) || !SCOPE.equals(params.get("scope"))) {
            send(e, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String token = "tok-" + ++tokensIssued;
        issued.add(token);
        send(e, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private synchronized void byQuery(HttpExchange e, String name) throws IOException {
        String authorization = e.getRequestHeaders().getFirst("Authorization");
        requests.add(e.getRequestMethod() + " " + e.getRequestURI() + " " + authorization);
        boolean authorized = name.equals("small") ? ("Bearer " + STATIC_TOKEN).equals(authorization)
                : authorization != null && authorization.startsWith("Bearer ")
                        && issued.contains(authorization.substring(7));
        if (!authorized) {
            send(e, 401, error("AuthenticationError", "Missing or invalid credentials", e, 401));
            return;
        }
        Map<String, String> q = query(e.getRequestURI().getRawQuery());
        int limit = Integer.parseInt(q.get("limit"));
        int offset = 0;
        List<String> kinds = new ArrayList<>();
        if (q.containsKey("cursor")) {
            JsonNode cursor = JSON.readTree(Base64.getDecoder().decode(q.get("cursor")));
            offset = cursor.get("offset").asInt();
            cursor.get("kinds").forEach(k -> kinds.add(k.asText()));
        } else if (q.containsKey("filter")) {
            for (String statement : q.get("filter").split(",")) {
                kinds.add(statement.substring("kind=".length()).toLowerCase(Locale.ROOT));
            }
        }
        List<JsonNode> matching = catalogs.get(name).stream()
                .filter(x -> kinds.isEmpty() || kinds.contains(x.path("kind").asText().toLowerCase(Locale.ROOT)))
                .toList();
        int page = offset / limit + 1;
        if (page == failPage) {
            send(e, 500, error("Error", "Knex: Timeout acquiring a connection", e, 500));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()))
                .forEach(items::add);
        body.put("totalItems", matching.size());
        ObjectNode pageInfo = body.putObject("pageInfo");
        if (offset + limit < matching.size()) {
            pageInfo.put("nextCursor", cursor(offset + limit, kinds));
        }
        if (offset > 0) {
            pageInfo.put("prevCursor", cursor(Math.max(0, offset - limit), kinds));
        }
        String text = body.toString();
        send(e, 200, page == malformedPage ? text.substring(0, text.length() / 2) : text);
    }

    /** Headers at once, then a byte every 500 ms for a minute at most (until the client gives up). */
    private static void trickle(HttpExchange e) throws IOException {
        e.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        e.sendResponseHeaders(200, 0);
        try (OutputStream out = e.getResponseBody()) {
            out.write('{');
            out.flush();
            for (int i = 0; i < 120; i++) {
                Thread.sleep(500);
                out.write(' ');
                out.flush();
            }
            out.write('}');
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // expected: the pull stops reading at its deadline
        }
    }

    private static String cursor(int offset, List<String> kinds) {
        ObjectNode c = JSON.createObjectNode().put("offset", offset);
        ArrayNode filter = c.putArray("kinds");
        kinds.forEach(filter::add);
        return Base64.getEncoder().encodeToString(c.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String name, String message, HttpExchange e, int status) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("name", name).put("message", message);
        body.putObject("request").put("method", e.getRequestMethod()).put("url", e.getRequestURI().toString());
        body.putObject("response").put("statusCode", status);
        return body.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }
}
