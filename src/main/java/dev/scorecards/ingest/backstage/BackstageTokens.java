package dev.scorecards.ingest.backstage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} header a Backstage source sends: its static token, or an OAuth2
 * client-credentials token fetched from its token endpoint and kept until shortly before it expires.
 */
@ApplicationScoped
class BackstageTokens {
    /** A token this close to its expiry is fetched again, so it cannot expire in the middle of a pull. */
    private static final Duration EARLY = Duration.ofSeconds(60);

    private final BackstageHttp http;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    @Inject
    BackstageTokens(BackstageHttp http) {
        this.http = http;
    }

    private record Token(String value, Instant renewAt) {
    }

    /** The header's value for source {@code name}, or null when it sends none. */
    String authorization(String name, BackstageConfig.Source source) {
        if (source.token().isPresent()) {
            return "Bearer " + source.token().get();
        }
        if (source.tokenUrl().isEmpty()) {
            return null;
        }
        Token token = cache.get(name);
        if (token == null || !Instant.now().isBefore(token.renewAt())) {
            token = fetch(name, source);
            cache.put(name, token);
        }
        return "Bearer " + token.value();
    }

    /** Whether the source gets its tokens from a token endpoint (so a refused one is worth fetching again). */
    static boolean renewable(BackstageConfig.Source source) {
        return source.token().isEmpty() && source.tokenUrl().isPresent();
    }

    /** Drops the cached token of {@code name} (Backstage refused it). */
    void forget(String name) {
        cache.remove(name);
    }

    private Token fetch(String name, BackstageConfig.Source source) {
        String url = source.tokenUrl().orElseThrow();
        String what = "The token request of Backstage source " + name + " to " + url;
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        source.scope().ifPresent(s -> form.append("&scope=").append(encode(s)));
        // RFC 6749 2.3.1: client id and secret form-encoded, then sent as HTTP Basic credentials
        String credentials = encode(source.clientId().orElse("")) + ":" + encode(source.clientSecret().orElse(""));
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        BackstageHttp.Answer answer = http.send(name, source, URI.create(url), request, what);
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        } catch (IOException e) {
            body = null;
        }
        if (answer.status() != 200) {
            String error = body == null ? "" : body.path("error").asText("");
            throw new UpstreamError(what + " answered HTTP " + answer.status() + (error.isEmpty() ? "" : " (" + error + ")"));
        }
        JsonNode token = body == null ? null : body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            throw new UpstreamError(what + " answered without an access_token");
        }
        String type = body.path("token_type").asText("Bearer");
        if (!type.equalsIgnoreCase("bearer")) {
            throw new UpstreamError(what + " answered a token of type " + type + ", not Bearer");
        }
        long lifetime = body.path("expires_in").asLong(-1);
        // without a lifetime the token is kept until Backstage refuses it
        Instant renewAt = lifetime < 0 ? Instant.MAX : Instant.now().plusSeconds(lifetime).minus(EARLY);
        return new Token(token.asText(), renewAt);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
