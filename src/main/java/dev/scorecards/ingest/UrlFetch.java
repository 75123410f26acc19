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
 * Every HTTP request this service makes upstream: allow-listed hosts and ports only, no redirects followed,
 * bodies up to the ingest limit, and one deadline for the whole exchange, body included (the
 * client's own request timeout covers only the wait for the headers, JDK-8258397).
 */
@ApplicationScoped
public class UrlFetch {
    private final IngestConfig.Ingest ingestConfig;
    private final IngestConfig.Locations locationsConfig;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(UrlFetch.class);

    private HttpClient http;

    @Inject
    UrlFetch(IngestConfig.Ingest ingestConfig, IngestConfig.Locations locationsConfig) {
        this.ingestConfig = ingestConfig;
        this.locationsConfig = locationsConfig;
    }

    /** A response: its status, headers and whole body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /**
     * The exchange failed without an HTTP answer (unknown host, refused, unreachable, reset, too slow):
     * one message for all of them; the caller says what was asked.
     */
    public static final class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
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
            throw noAnswer(uri, deadline, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ServiceError tooLarge) {
                throw tooLarge;
            }
            throw noAnswer(uri, deadline, cause);
        }
    }

    /**
     * One message for every way an exchange can fail without an HTTP answer (unknown host, refused,
     * unreachable, reset, not HTTP, too slow), so that the answers cannot tell a closed port from a
     * filtered or a slow one; the cause goes to the log for the operator.
     */
    private static Failed noAnswer(URI uri, Duration deadline, Throwable cause) {
        LOG.infof("No complete answer from %s://%s: %s", uri.getScheme(), uri.getRawAuthority(), cause);
        return new Failed("no complete answer within " + deadline, cause);
    }

    /** Fails with a 400 unless {@code target} is an absolute http(s) URL on an allow-listed host and port. */
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
        if (allowed(uri)) {
            return;
        }
        if (allowedHost(host, -1)) {
            throw ServiceError.input("Url location " + target + " is on port " + port(uri) + " of host " + host
                    + ", which is not in the allow-list (scorecards.locations.allowed-hosts: list " + host + ":"
                    + port(uri) + " to allow it)");
        }
        throw ServiceError.input("Url location " + target + " is on host " + host
                + ", which is not in the allow-list (scorecards.locations.allowed-hosts)");
    }

    /**
     * Whether {@code uri}'s host and port are in the allow-list ({@code scorecards.locations.allowed-hosts}):
     * {@code host} allows the scheme's default port only (80, 443), {@code host:8080} that port,
     * {@code host:*} any port; {@code *.example.com} (with the same port forms) allows its subdomains.
     */
    public boolean allowed(URI uri) {
        return uri.getHost() != null && allowedHost(uri.getHost(), port(uri));
    }

    /** The port {@code uri} reaches: its own, else its scheme's default. */
    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether an entry allows {@code host} on {@code port} (-1: on any port some entry names). */
    private boolean allowedHost(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String allowed : locationsConfig.allowedHosts().orElse(List.of())) {
            String a = allowed.trim().toLowerCase(Locale.ROOT);
            String ports = "";
            // [v6]:port, name:port; a bare IPv6 address (more than one colon, no brackets) names no port
            int colon = a.startsWith("[") ? a.indexOf("]:") + 1 : a.indexOf(':') == a.lastIndexOf(':') ? a.indexOf(':') : -1;
            if (colon > 0) {
                ports = a.substring(colon + 1);
                a = a.substring(0, colon);
            }
            if (a.startsWith("[") && a.endsWith("]")) {
                a = a.substring(1, a.length() - 1);
            }
            boolean hostMatches = a.equals(h) || (a.startsWith("*.") && h.endsWith(a.substring(1)));
            boolean portMatches = port < 0 || ports.equals("*")
                    || (ports.isEmpty() ? port == 80 || port == 443 : ports.equals(String.valueOf(port)));
            if (hostMatches && portMatches) {
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
