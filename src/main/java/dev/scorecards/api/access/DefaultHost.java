package dev.scorecards.api.access;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;

/**
 * The secure default of {@code quarkus.http.host}: with OIDC off (every operation open to anyone who
 * can connect) the service listens on 127.0.0.1 only; with OIDC on, or with {@code quarkus.http.host}
 * set anywhere (env {@code QUARKUS_HTTP_HOST}, a system property, application.properties), Quarkus'
 * own value stands. Its ordinal is below every configured source, so an explicit setting always wins.
 * {@link BindingNotice} says at start-up which it is.
 */
public class DefaultHost implements ConfigSourceFactory {
    static final String HOST = "quarkus.http.host";
    static final String LOOPBACK = "127.0.0.1";
    /** Above Quarkus' built-in defaults (0.0.0.0, or localhost in dev and test), below application.properties (250). */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue oidc = context.getValue("quarkus.oidc.tenant-enabled");
        ConfigValue host = context.getValue(HOST);
        boolean explicit = host != null && host.getValue() != null && host.getSourceOrdinal() >= ORDINAL;
        if (explicit || oidc != null && "true".equalsIgnoreCase(oidc.getValue())) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(HOST, LOOPBACK), "scorecards secure default host", ORDINAL));
    }
}
