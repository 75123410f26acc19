package dev.scorecards.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Optional;

/** Settings of the HTTP layer ({@code scorecards.http.*}, {@code scorecards.public-url}). */
public final class ApiConfig {
    private ApiConfig() {
    }

    @ConfigMapping(prefix = "scorecards.http")
    public interface Http {
        /** How long a request body may take to arrive (408 after it). */
        @WithDefault("30s")
        Duration bodyReadTimeout();

        /** The longest request line answered normally (414 in the envelope above it). */
        @WithDefault("4096")
        int maxRequestLine();

        /** The largest header fields, in bytes, answered normally (431 in the envelope above them). */
        @WithDefault("20480")
        long maxHeaderSize();
    }

    /** {@code scorecards.public-url}: where callers reach the service (the base of badge Markdown); unset: relative links. */
    @ConfigMapping(prefix = "scorecards.public-url")
    public interface PublicUrl {
        @WithParentName
        Optional<String> value();
    }
}
