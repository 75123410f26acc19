package dev.scorecards.ingest;

import dev.scorecards.errors.ServiceError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends one request to a live Backstage (or its token endpoint) within the limits every url
 * location has: allow-listed hosts only, the read timeout, no redirects, bodies up to the ingest limit.
 */
@ApplicationScoped
class BackstageHttp {
    @Inject
    LocationReader reader;
    @Inject
    IngestConfig.Ingest ingestConfig;
    @Inject
    IngestConfig.Locations locationsConfig;

    private HttpClient http;

    /** A response: its status and body. */
    record Answer(int status, byte[] body) {
    }

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(locationsConfig.readTimeout()).build();
    }

    /** Sends {@code request} to {@code uri}; {@code what} names it in errors (never with credentials). */
    Answer send(URI uri, HttpRequest.Builder request, String what) {
        try {
            reader.checkAllowed("url", uri.toString());
        } catch (ServiceError e) {
            throw new UpstreamError(what + ": " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.uri(uri).timeout(locationsConfig.readTimeout())
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = new LimitedInputStream(response.body(), ingestConfig.maxBodyBytes(), what)) {
                return new Answer(response.statusCode(), body.readAllBytes());
            }
        } catch (ServiceError e) {
            throw new UpstreamError(e.getMessage() + " (scorecards.ingest.max-body-bytes)");
        } catch (IOException e) {
            throw new UpstreamError(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamError(what + " was interrupted", e);
        }
    }
}
