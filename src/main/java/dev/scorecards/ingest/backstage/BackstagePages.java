package dev.scorecards.ingest.backstage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pages through one live Backstage catalog ({@code GET /api/catalog/entities/by-query}, following
 * {@code pageInfo.nextCursor}) and keeps every entity, without what our catalog computes itself,
 * until the last page has arrived. Any failure on the way fails the whole pull.
 */
@ApplicationScoped
class BackstagePages {
    /** Assigned by the catalog that serves an entity; ours assigns its own (relations from the spec). */
    private static final List<String> COMPUTED_METADATA = List.of("uid", "etag", "generation");
    private static final List<String> COMPUTED_ROOT = List.of("relations", "status");

    private final BackstageHttp http;
    private final BackstageTokens tokens;
    private final IngestConfig.Ingest ingestConfig;

    private ObjectMapper pages;

    @Inject
    BackstagePages(BackstageHttp http, BackstageTokens tokens, IngestConfig.Ingest ingestConfig) {
        this.http = http;
        this.tokens = tokens;
        this.ingestConfig = ingestConfig;
    }

    @jakarta.annotation.PostConstruct
    void init() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(ingestConfig.maxDepth() + 2) // the page and its items array
                .maxStringLength(ingestConfig.maxScalarChars())
                .build();
        pages = new ObjectMapper(JsonFactory.builder().streamReadConstraints(constraints)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    /** Every entity of the source's catalog; the caller closes what it returns. */
    PulledEntities fetchAll(String name, BackstageConfig.Source source) {
        String base = source.baseUrl().orElseThrow().replaceAll("/+$", "");
        String path = base + "/api/catalog/entities/by-query?limit=" + source.pageSize();
        StringBuilder first = new StringBuilder(path);
        source.filter().ifPresent(f -> {
            for (String alternative : f.split(";")) {
                if (!alternative.isBlank()) {
                    first.append("&filter=").append(encode(alternative.trim()));
                }
            }
        });
        PulledEntities pulled = new PulledEntities(name);
        try {
            Set<String> cursors = new HashSet<>();
            String cursor = null;
            int page = 0;
            do {
                page++;
                // the cursor carries the filter; Backstage ignores a filter sent with it
                URI uri = URI.create(cursor == null ? first.toString() : path + "&cursor=" + encode(cursor));
                String what = "Page " + page + " of Backstage source " + name + " (GET " + uri.getPath() + ")";
                JsonNode body = read(name, source, uri, what);
                JsonNode items = body.get("items");
                if (items == null || !items.isArray()) {
                    throw new UpstreamError(what + " is not a by-query page: it has no items array");
                }
                for (JsonNode item : items) {
                    pulled.add(page, strip(item));
                    if (pulled.size() > source.maxEntities()) {
                        throw new UpstreamError("Backstage source " + name + " holds more than " + source.maxEntities()
                                + " entities (scorecards.backstage." + name + ".max-entities)");
                    }
                }
                JsonNode next = body.path("pageInfo").get("nextCursor");
                if (next == null || next.isNull()) {
                    cursor = null;
                } else if (!next.isTextual() || next.asText().isEmpty()) {
                    throw new UpstreamError(what + " has a pageInfo.nextCursor that is not a non-empty string");
                } else if (!cursors.add(next.asText())) {
                    throw new UpstreamError(what + " repeats an earlier cursor; paging would never end");
                } else {
                    cursor = next.asText();
                }
            } while (cursor != null);
            return pulled;
        } catch (RuntimeException e) {
            pulled.close();
            throw e;
        }
    }

    private JsonNode read(String name, BackstageConfig.Source source, URI uri, String what) {
        BackstageHttp.Answer answer = get(name, source, uri, what);
        if (answer.status() == 401 && BackstageTokens.renewable(source)) {
            tokens.forget(name); // revoked or expired early: one more try with a fresh token
            answer = get(name, source, uri, what);
        }
        if (answer.status() != 200) {
            throw new UpstreamError(what + " answered HTTP " + answer.status() + errorMessage(answer.body()));
        }
        try {
            JsonNode body = pages.readTree(answer.body());
            if (body == null || !body.isObject()) {
                throw new UpstreamError(what + " is not a by-query page: expected a JSON object");
            }
            return body;
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UpstreamError(what + " is not valid JSON: " + message);
        }
    }

    private BackstageHttp.Answer get(String name, BackstageConfig.Source source, URI uri, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Accept", "application/json").GET();
        String authorization = tokens.authorization(name, source);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(name, source, uri, request, what);
    }

    /** The message of Backstage's error envelope, if the body is one. */
    private String errorMessage(byte[] body) {
        try {
            String message = pages.readTree(body).path("error").path("message").asText("");
            return message.isEmpty() ? "" : ": " + (message.length() > 300 ? message.substring(0, 300) + "…" : message);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static JsonNode strip(JsonNode item) {
        if (item instanceof ObjectNode entity) {
            entity.remove(COMPUTED_ROOT);
            if (entity.get("metadata") instanceof ObjectNode metadata) {
                metadata.remove(COMPUTED_METADATA);
            }
        }
        return item;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
