package dev.scorecards.api.access;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;

/**
 * The secure default of {@code quarkus.http.host}: with OIDC off (every operation open to anyone who
 * can connect) the service listens on 127.0.0.1 only; with OIDC on, on every interface (0.0.0.0; in dev
 * and test mode localhost, as Quarkus does). Its ordinal is below every configured source, so an
 * explicit {@code quarkus.http.host} (env {@code QUARKUS_HTTP_HOST}, a system property,
 * application.properties) always wins.
 * {@link BindingNotice} says at start-up which it is.
 */
public class DefaultHost implements ConfigSourceFactory {
    static final String HOST = "quarkus.http.host";
    static final String LOOPBACK = "127.0.0.1";
    /** Above Quarkus' built-in and recorded defaults, below application.properties (250), env (300), system properties (400). */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        // always a value: Quarkus records what the build saw as a runtime default, so "nothing" would
        // keep the build's answer; an explicit quarkus.http.host has a higher ordinal and wins anyway
        String host;
        if (!"true".equalsIgnoreCase(oidc(context))) {
            host = LOOPBACK;
        } else {
            List<String> profiles = context.getProfiles();
            host = profiles.contains("dev") || profiles.contains("test") ? "localhost" : "0.0.0.0";
        }
        return List.of(new PropertiesConfigSource(Map.of(HOST, host), "scorecards secure default host", ORDINAL));
    }

    /**
     * {@code quarkus.oidc.tenant-enabled} as configured: a system property, else the environment, else
     * what the other sources say (application.properties, test profiles): the process' own settings are
     * read directly, so the answer never depends on which sources the factory's context holds.
     */
    private static String oidc(ConfigSourceContext context) {
        String property = System.getProperty("quarkus.oidc.tenant-enabled");
        if (property != null) {
            return property;
        }
        String env = System.getenv("QUARKUS_OIDC_TENANT_ENABLED");
        if (env != null) {
            return env;
        }
        ConfigValue configured = context.getValue("quarkus.oidc.tenant-enabled");
        return configured == null ? null : configured.getValue();
    }
}
