package dev.scorecards.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers the client mistakes that the HTTP layer refuses before any route runs (a missing or
 * malformed {@code Host} header, a path that does not decode) in Backstage's envelope, logged at DEBUG:
 * a client's mistake is not the service's error. Everything else goes on to Quarkus' handler.
 */
@ApplicationScoped
public class EarlyFailures {
    private static final Logger LOG = Logger.getLogger(EarlyFailures.class);

    void install(@Observes Router router) {
        router.route().order(-200).failureHandler(this::answer);
    }

    private void answer(RoutingContext rc) {
        int status = rc.statusCode();
        if (status < 400 || status > 499) {
            rc.next();
            return;
        }
        String why = rc.failure() == null ? "" : String.valueOf(rc.failure().getMessage());
        LOG.debugf("Refused %s %s before routing: %d %s", rc.request().method(), rc.request().uri(), status, why);
        String message = why.contains("'Host' header")
                ? "Malformed request: the Host header is missing or not a valid host name and port"
                : "Malformed request: " + HttpResponseStatus.valueOf(status).reasonPhrase();
        String name = switch (status) {
            case 404 -> "NotFoundError";
            case 408 -> "RequestTimeoutError";
            case 413 -> "PayloadTooLargeError";
            default -> "InputError";
        };
        EarlyRefusal.send(rc, status, name, message, true);
    }
}
