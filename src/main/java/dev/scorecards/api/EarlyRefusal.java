package dev.scorecards.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/** Answers a request refused before it reaches a resource (HTTP layer) in Backstage's error envelope. */
final class EarlyRefusal {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EarlyRefusal() {
    }

    /** Sends the envelope; {@code close} also closes the connection (its request body was not read to the end). */
    static void send(RoutingContext rc, int status, String name, String message, boolean close) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("name", name).put("message", message);
        body.putObject("request").put("method", rc.request().method().name()).put("url", rc.request().uri());
        body.putObject("response").put("statusCode", status);
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (close) {
            rc.response().putHeader("Connection", "close");
            rc.response().end(body.toString()).onComplete(done -> rc.request().connection().close());
        } else {
            rc.response().end(body.toString());
        }
    }
}
