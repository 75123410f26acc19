package dev.scorecards.api;

import dev.scorecards.errors.ErrorEnvelope;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over the limit with 413 and Backstage's envelope, before
 * a byte of it is read. Bodies sent without a length are counted while read (the ingest stage) or
 * stopped by the HTTP server's own limit of the same size.
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "scorecards.ingest.max-body-bytes")
    long limit;

    void install(@Observes Router router) {
        router.route().order(-100).handler(rc -> {
            String declared = rc.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= limit) {
                rc.next();
                return;
            }
            String body = ErrorEnvelope.body(413, "PayloadTooLargeError", "The request body is " + length
                    + " bytes, larger than the limit of " + limit + " bytes (scorecards.ingest.max-body-bytes)",
                    Map.of(), rc.request());
            rc.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close").end(body);
        });
    }
}
