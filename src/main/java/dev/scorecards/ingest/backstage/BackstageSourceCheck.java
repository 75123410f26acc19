package dev.scorecards.ingest.backstage;

import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.UrlFetch;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Checks each Backstage source's configuration at startup (stopping the service, naming the property, on one that cannot work) and reads its interval. */
@ApplicationScoped
class BackstageSourceCheck {
    private static final Logger LOG = Logger.getLogger(BackstageSourceCheck.class);
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");

    private final BackstageConfig config;
    private final UrlFetch urls;

    @Inject
    BackstageSourceCheck(BackstageConfig config, UrlFetch urls) {
        this.config = config;
        this.urls = urls;
    }

    void check(@Observes StartupEvent start) {
        config.sources().forEach((name, s) -> {
            String at = "scorecards.backstage." + name;
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("Invalid Backstage source name '" + name + "' (" + at
                        + ".*): expected 1-100 characters of [A-Za-z0-9._-], starting with a letter or digit");
            }
            if (s.baseUrl().isEmpty()) {
                return;
            }
            if (!absoluteHttp(s.baseUrl().get()) || !s.tokenUrl().map(BackstageSourceCheck::absoluteHttp).orElse(true)) {
                throw new IllegalStateException(at + ".base-url and " + at + ".token-url must be absolute http(s) URLs");
            }
            if (s.token().isPresent() && s.tokenUrl().isPresent()) {
                throw new IllegalStateException(at + ".token and " + at + ".token-url exclude each other");
            }
            boolean clientCredentials = s.clientId().isPresent() && s.clientSecret().isPresent();
            boolean partOfThem = s.clientId().isPresent() || s.clientSecret().isPresent();
            if (s.tokenUrl().isPresent() ? !clientCredentials : partOfThem) {
                throw new IllegalStateException(at + ".token-url, .client-id and .client-secret go together");
            }
            for (String url : s.tokenUrl().map(t -> List.of(s.baseUrl().get(), t)).orElse(List.of(s.baseUrl().get()))) {
                try {
                    urls.checkAllowed(url);
                } catch (ServiceError e) {
                    LOG.warnf("Backstage source %s cannot be pulled: %s", name, e.getMessage());
                }
            }
            if (s.pageSize() < 1 || s.maxEntities() < 1) {
                throw new IllegalStateException(at + ".page-size and .max-entities must be at least 1");
            }
            if (s.readTimeout().map(t -> t.isNegative() || t.isZero()).orElse(false)) {
                throw new IllegalStateException(at + ".read-timeout must be positive");
            }
            interval(name, s);
        });
    }

    /** The source's pull interval, or null when only manual pulls run ({@code off}). */
    static Duration interval(String name, BackstageConfig.Source s) {
        String v = s.interval().trim();
        if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("disabled")) {
            return null;
        }
        try {
            Duration d = DurationConverter.parseDuration(v);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalStateException("scorecards.backstage." + name + ".interval '" + v
                    + "' is neither a duration (such as 10m) nor off");
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && List.of("http", "https").contains(String.valueOf(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
