package dev.scorecards.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over the limit with 413 and Backstage's envelope, before
 * a byte of it is read. Bodies sent without a length are counted while read (the ingest stage) or
 * stopped by the HTTP server's own limit of the same size.
 */
@ApplicationScoped
public class BodyLimit {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("name", "PayloadTooLargeError")
                    .put("message", "The request body is " + length + " bytes, larger than the limit of " + limit
                            + " bytes (scorecards.ingest.max-body-bytes)");
            body.putObject("request").put("method", rc.request().method().name()).put("url", rc.request().uri());
            body.putObject("response").put("statusCode", 413);
            rc.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close").end(body.toString());
        });
    }
}
