package dev.scorecards.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Refuses, as the very first route and in Backstage's envelope, the requests that the HTTP layer would
 * otherwise answer with an empty body: a request target that is not a valid URI (400, e.g. {@code /%zz}),
 * a request line longer than {@code scorecards.http.max-request-line} (414) and header fields larger than
 * {@code scorecards.http.max-header-size} (431). Netty's own limits ({@code quarkus.http.limits.*}) are
 * set well above these, so a request over our limit still reaches this route; {@link dev.scorecards.Main}
 * turns Quarkus' silent URI check off ({@code vertx.disableURIValidation}) because this route makes it.
 */
@ApplicationScoped
public class MalformedRequests {
    private static final Logger LOG = Logger.getLogger(MalformedRequests.class);

    private final int maxRequestLine;
    private final long maxHeaderSize;

    MalformedRequests(ApiConfig.Http config) {
        this.maxRequestLine = config.maxRequestLine();
        this.maxHeaderSize = config.maxHeaderSize();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        int line = request.method().name().length() + uri.length() + " HTTP/1.1".length() + 1;
        if (line > maxRequestLine) {
            refuse(rc, 414, "Malformed request: the request line is " + line + " characters long, longer than the limit of "
                    + maxRequestLine + " (scorecards.http.max-request-line)");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeaderSize) {
            refuse(rc, 431, "Malformed request: the header fields take " + headers + " bytes, more than the limit of "
                    + maxHeaderSize + " (scorecards.http.max-header-size)");
            return;
        }
        String invalid = invalidUri(uri);
        if (invalid != null) {
            refuse(rc, 400, "Malformed request: the request target is not a valid URI: " + invalid);
            return;
        }
        rc.next();
    }

    /** Why {@code uri} is not a valid request target (the reason and position, never the parser's class), or null. */
    static String invalidUri(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason().toLowerCase(java.util.Locale.ROOT) + " at index " + e.getIndex();
        }
    }

    private static void refuse(RoutingContext rc, int status, String message) {
        LOG.debugf("Refused %s before routing: %d %s", rc.request().method(), status, message);
        EarlyRefusal.send(rc, status, status == 400 ? "InputError" : status == 414 ? "UriTooLongError"
                : "RequestHeaderFieldsTooLargeError", message, true);
    }
}
