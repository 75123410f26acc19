package dev.scorecards.api;

import dev.scorecards.errors.StorableText;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses a path or query parameter holding a character PostgreSQL cannot store (NUL, {@code %00})
 * with 400 naming it, before any resource, lookup or query sees the request. Bodies are checked where
 * they are parsed (JsonBody, the ingest DocumentReader).
 */
@ApplicationScoped
public class UnstorableCharacters {

    void install(@Observes Router router) {
        router.route().order(-110).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String raw = rc.request().uri();
        if (raw.indexOf('\u0000') < 0 && !raw.toLowerCase(Locale.ROOT).contains("%00")) {
            rc.next();
            return;
        }
        String path = rc.request().path();
        if (path != null && (path.indexOf('\u0000') >= 0 || path.toLowerCase(Locale.ROOT).contains("%00"))) {
            EarlyRefusal.send(rc, 400, "InputError", StorableText.message("the path"), false);
            return;
        }
        MultiMap query;
        try {
            query = rc.queryParams();
        } catch (RuntimeException e) {
            EarlyRefusal.send(rc, 400, "InputError", "Malformed request: the query string cannot be decoded", false);
            return;
        }
        for (Map.Entry<String, String> param : query) {
            if (!StorableText.storable(param.getKey())) {
                EarlyRefusal.send(rc, 400, "InputError", StorableText.message("a query parameter name"), false);
                return;
            }
            if (!StorableText.storable(param.getValue())) {
                EarlyRefusal.send(rc, 400, "InputError",
                        StorableText.message("query parameter '" + param.getKey() + "'"), false);
                return;
            }
        }
        rc.next();
    }
}
