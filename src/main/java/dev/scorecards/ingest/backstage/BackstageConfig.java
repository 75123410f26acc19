package dev.scorecards.ingest.backstage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Live Backstage catalogs to pull from: {@code scorecards.backstage.<name>.*}, one entry per catalog. */
@ConfigMapping(prefix = "scorecards.backstage")
public interface BackstageConfig {
    @WithParentName
    Map<String, Source> sources();

    interface Source {
        /** The Backstage backend, e.g. {@code https://backstage.example.com}; the source is off without it. */
        Optional<String> baseUrl();

        /** A static token sent as {@code Authorization: Bearer …} (Backstage's external access, type static). */
        Optional<String> token();

        /** An OAuth2 token endpoint: a client-credentials token is fetched there and kept until it expires. */
        Optional<String> tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        Optional<String> scope();

        /** How often the catalog is pulled (a duration such as {@code 10m}), or {@code off}: manual pulls only. */
        @WithDefault("10m")
        String interval();

        /** Entities per page ({@code limit} of {@code by-query}). */
        @WithDefault("500")
        int pageSize();

        /** Backstage filters sent with the first page; {@code ;} separates alternatives (ORed). */
        Optional<String> filter();

        /** The longest one request (headers and whole body) may take; {@code scorecards.locations.read-timeout} if unset. */
        Optional<Duration> readTimeout();

        /**
         * A pull that would yield more entities fails and stores nothing. 100000 is what one pod applies in one
         * transaction (about 30 s on 2 cores, within the 60 s transaction timeout), its heap and its /tmp hold.
         */
        @WithDefault("100000")
        int maxEntities();
    }
}
