package dev.scorecards.ingest;

import dev.scorecards.errors.ServiceError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every HTTP request this service makes upstream: allow-listed hosts only, no redirects followed,
 * bodies up to the ingest limit, and one deadline for the whole exchange, body included (the
 * client's own request timeout covers only the wait for the headers, JDK-8258397).
 */
@ApplicationScoped
public class UrlFetch {
    @Inject
    IngestConfig.Ingest ingestConfig;
    @Inject
    IngestConfig.Locations locationsConfig;

    private HttpClient http;

    /** A response: its status, headers and whole body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** The exchange failed (unreachable, reset, too slow); the message says why, the caller says what. */
    public static final class Failed extends RuntimeException {
        public final boolean timedOut;

        Failed(String message, boolean timedOut, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }
    }

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(locationsConfig.readTimeout()).build();
    }

    /**
     * Sends {@code request} to {@code uri} and waits at most {@code deadline} for the whole answer.
     *
     * @throws ServiceError 400 when the host is not allowed, 413 when the body exceeds the limit
     * @throws Failed when the exchange fails or does not complete in time
     * @param what names the request in a 413 (never with credentials)
     */
    public Answer send(URI uri, HttpRequest.Builder request, Duration deadline, String what) {
        checkAllowed(uri.toString());
        long limit = ingestConfig.maxBodyBytes();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request.uri(uri).timeout(deadline).build(),
                info -> new LimitedBody(limit, what));
        try {
            HttpResponse<byte[]> r = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            answer.cancel(true); // aborts the exchange and frees its connection
            throw new Failed("no complete answer within " + deadline, true, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("interrupted", false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ServiceError tooLarge) {
                throw tooLarge;
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new Failed("no complete answer within " + deadline, true, cause);
            }
            throw new Failed(cause.toString(), false, cause);
        }
    }

    /** Fails with a 400 unless {@code target} is an absolute http(s) URL on an allow-listed host. */
    public void checkAllowed(String target) {
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw ServiceError.input("Invalid url target " + target);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ServiceError.input("Url location " + target + " must be an absolute http(s) URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHost(host)) {
            return;
        }
        throw ServiceError.input("Url location " + target + " is on host " + host
                + ", which is not in the allow-list (scorecards.locations.allowed-hosts)");
    }

    /** Whether {@code host} is in the allow-list ({@code scorecards.locations.allowed-hosts}; {@code *.x} allows subdomains). */
    public boolean allowedHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String allowed : locationsConfig.allowedHosts().orElse(List.of())) {
            String a = allowed.trim().toLowerCase(Locale.ROOT);
            if (a.equals(h) || (a.startsWith("*.") && h.endsWith(a.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** Collects a body, failing with a 413 (and dropping the connection) once it exceeds the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        private final String what;
        private Flow.Subscription subscription;

        LimitedBody(long limit, String what) {
            this.limit = limit;
            this.what = what;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(ServiceError.payloadTooLarge(
                            what + " is larger than the limit of " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
