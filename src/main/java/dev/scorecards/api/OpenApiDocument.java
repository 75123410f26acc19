package dev.scorecards.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /q/openapi}: the contract file {@code openapi/openapi.yaml} byte for byte (packaged as
 * {@code META-INF/openapi.yaml}), or with {@code ?format=json} the same document as JSON. Served here rather
 * than by smallrye-openapi, which re-serialises the document and adds a security scheme of its own.
 */
@ApplicationScoped
public class OpenApiDocument {
    static final String PATH = "/q/openapi";
    private final byte[] yaml;
    private final JsonNode contract;
    private volatile byte[] json;

    public OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            yaml = in.readAllBytes();
            contract = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contract, parsed once for everything that reads it at start (parsing its 250 KB of YAML took a
     * quarter of a second of the start's main thread, and {@code Permissions} parsed it a second time).
     * Not to be modified.
     */
    public JsonNode contract() {
        return contract;
    }

    private byte[] json() {
        byte[] j = json;
        if (j == null) {
            try {
                j = new ObjectMapper().writeValueAsBytes(contract);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json = j;
        }
        return j;
    }

    void install(@Observes Router router) {
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        String format = rc.request().getParam("format");
        boolean asJson = "json".equalsIgnoreCase(format);
        if (format != null && !asJson && !"yaml".equalsIgnoreCase(format)) {
            rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("format must be yaml or json");
            return;
        }
        rc.response().putHeader("Content-Type", asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .end(Buffer.buffer(asJson ? json() : yaml));
    }
}
