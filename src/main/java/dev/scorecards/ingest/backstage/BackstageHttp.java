package dev.scorecards.ingest.backstage;

import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.IngestConfig;
import dev.scorecards.ingest.UrlFetch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Sends one request to a live Backstage (or its token endpoint) through {@link UrlFetch}, within the
 * source's read timeout, and turns every way it can fail into a 502 naming the request.
 */
@ApplicationScoped
class BackstageHttp {
    private final UrlFetch urls;
    private final IngestConfig.Locations locationsConfig;

    @Inject
    BackstageHttp(UrlFetch urls, IngestConfig.Locations locationsConfig) {
        this.urls = urls;
        this.locationsConfig = locationsConfig;
    }

    /** A response: its status and body. */
    record Answer(int status, byte[] body) {
    }

    /** Sends {@code request} to {@code uri}; {@code what} names it in errors (never with credentials). */
    Answer send(String name, BackstageConfig.Source source, URI uri, HttpRequest.Builder request, String what) {
        Duration deadline = source.readTimeout().orElse(locationsConfig.readTimeout());
        try {
            UrlFetch.Answer answer = urls.send(uri, request, deadline, what);
            return new Answer(answer.status(), answer.body());
        } catch (UrlFetch.Failed e) {
            throw new UpstreamError(what + " failed: " + e.getMessage()
                    + " (scorecards.backstage." + name + ".read-timeout)", e);
        } catch (ServiceError e) {
            throw new UpstreamError(e.status() == 413 ? e.getMessage() + " (scorecards.ingest.max-body-bytes)"
                    : what + ": " + e.getMessage());
        }
    }
}
