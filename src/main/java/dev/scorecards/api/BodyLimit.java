package dev.scorecards.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import dev.scorecards.ingest.IngestConfig;

/**
 * Reads every request body completely, within the size limit and the read timeout, before the
 * request is routed, so that no resource, transaction, advisory lock or pooled connection ever waits
 * on a slow client. A declared length over the limit is refused before a byte is read; a body sent
 * without a length (chunked) is counted while read. Refusals are 413 and 408 in Backstage's envelope.
 */
@ApplicationScoped
public class BodyLimit {
    private final long limit;
    private final Duration timeout;

    BodyLimit(IngestConfig.Ingest ingest, ApiConfig.Http http) {
        this.limit = ingest.maxBodyBytes();
        this.timeout = http.bodyReadTimeout();
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::read);
    }

    private void read(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String declared = request.getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            EarlyRefusal.send(rc, 400, "InputError", "Malformed request: the Content-Length header is not a number", true);
            return;
        }
        if (length > limit) {
            // as before this reader: the answer says Connection: close, and the server lets the client finish sending
            rc.response().putHeader("Connection", "close");
            EarlyRefusal.send(rc, 413, "PayloadTooLargeError", "The request body is " + length
                    + " bytes, larger than the limit of " + limit + " bytes (scorecards.ingest.max-body-bytes)", false);
            return;
        }
        boolean chunked = request.headers().contains("Transfer-Encoding", "chunked", true);
        if (request.isEnded() || length <= 0 && !chunked || request.method() == HttpMethod.GET) {
            rc.next();
            return;
        }
        Buffer body = Buffer.buffer((int) Math.max(0, Math.min(length, 1 << 20)));
        boolean[] finished = {false};
        long timer = rc.vertx().setTimer(timeout.toMillis(), id -> {
            if (!finished[0]) {
                finished[0] = true;
                EarlyRefusal.send(rc, 408, "RequestTimeoutError", "The request body was not received within "
                        + timeout.toSeconds() + " seconds (scorecards.http.body-read-timeout)", true);
            }
        });
        request.handler(chunk -> {
            if (finished[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                finished[0] = true;
                rc.vertx().cancelTimer(timer);
                tooLarge(rc, "The request body is larger than the limit of " + limit
                        + " bytes (scorecards.ingest.max-body-bytes)");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            finished[0] = true;
            rc.vertx().cancelTimer(timer);
        });
        request.endHandler(v -> {
            if (finished[0]) {
                return;
            }
            finished[0] = true;
            rc.vertx().cancelTimer(timer);
            ((RoutingContextInternal) rc).setBody(body);
            // the body is read: a body handler of a later route (the MCP endpoint's) takes it as it is
            ((RoutingContextInternal) rc).visitHandler(RoutingContextInternal.BODY_HANDLER);
            rc.next();
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            rc.response().writeContinue();
        }
        request.resume();
    }

    private static void tooLarge(RoutingContext rc, String message) {
        EarlyRefusal.send(rc, 413, "PayloadTooLargeError", message, true);
    }
}
