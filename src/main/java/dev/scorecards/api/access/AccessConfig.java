package dev.scorecards.api.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of access control ({@code scorecards.auth.*}) and abuse limits ({@code scorecards.rate-limit.*}). */
public final class AccessConfig {
    private AccessConfig() {
    }

    /** Whether reads need a token. */
    public enum Reads {
        PUBLIC, AUTHENTICATED
    }

    @ConfigMapping(prefix = "scorecards.auth")
    public interface Auth {
        /** {@code public}: reads need no token; {@code authenticated}: every read needs one (badges and health never do). */
        @WithDefault("public")
        Reads reads();

        /**
         * Token claims (paths like {@code realm_access/roles}, comma-separated) holding the caller's
         * roles; fed to {@code quarkus.oidc.roles.role-claim-path}. Empty: Quarkus' default
         * ({@code groups}, else Keycloak's {@code realm_access/roles} and client roles).
         */
        Optional<String> rolesClaim();

        /** Retry-After of the 503 answered while the identity provider cannot be reached. */
        @WithDefault("30s")
        Duration unavailableRetryAfter();
    }

    @ConfigMapping(prefix = "scorecards.rate-limit")
    public interface RateLimit {
        /** Writes (POST/PUT/DELETE) each caller may make per minute; 0 = no limit. */
        @WithDefault("600")
        int writesPerMinute();

        /** Evaluations on demand each caller may ask for per minute; 0 = no limit. */
        @WithDefault("60")
        int evaluatePerMinute();
    }

    @ConfigMapping(prefix = "scorecards.audit")
    public interface Audit {
        /** How long a row of the audit log is kept. */
        @WithDefault("90d")
        Duration retention();

        /** How often rows older than the retention are deleted (a scheduler interval, or {@code off}). */
        @WithDefault("1h")
        String pruneEvery();
    }

    /** Quarkus' own OIDC switch ({@code quarkus.oidc.tenant-enabled}), as the access rules read it. */
    @ConfigMapping(prefix = "quarkus.oidc")
    public interface Oidc {
        boolean tenantEnabled();
    }

    /** The address the service listens on ({@code quarkus.http.host}; its secure default: {@link DefaultHost}). */
    @ConfigMapping(prefix = "quarkus.http")
    public interface Http {
        String host();
    }
}
