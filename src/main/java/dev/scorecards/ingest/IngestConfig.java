package dev.scorecards.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the ingest stage ({@code scorecards.ingest.*}, {@code scorecards.locations.*}, {@code scorecards.examples.*}). */
public final class IngestConfig {
    private IngestConfig() {
    }

    @ConfigMapping(prefix = "scorecards.ingest")
    public interface Ingest {
        /** Largest request body or Location file, in bytes (413 above it). */
        @WithDefault("10485760")
        long maxBodyBytes();

        @WithDefault("64")
        int maxDepth();

        /** Longest single string value, and longest YAML line (an inline API definition counts). */
        @WithDefault("1048576")
        int maxScalarChars();

        @WithDefault("100")
        int maxAliases();

        /** Values per document, counting what aliases expand to. */
        @WithDefault("200000")
        int maxNodes();

        /** Entities written to the database per statement. */
        @WithDefault("1000")
        int chunkSize();

        /**
         * Seconds one ingestion (a push, a location, a pull) may hold its transaction; read by
         * {@code quarkus.transaction-manager.default-transaction-timeout} (application.properties).
         */
        @WithDefault("600")
        int transactionTimeout();
    }

    @ConfigMapping(prefix = "scorecards.locations")
    public interface Locations {
        /** Folders that {@code file} locations may read from (relative ones resolve against the working directory). */
        @WithDefault("catalog-examples")
        List<String> fileRoots();

        /** Hosts that {@code url} locations may read from; {@code *.example.com} allows subdomains. None by default. */
        Optional<List<String>> allowedHosts();

        /** How often every registered location is read again. */
        @WithDefault("5m")
        Duration refreshInterval();

        /** Nested Location entities followed from one registered location. */
        @WithDefault("10")
        int maxDepth();

        /** Files read for one registered location. */
        @WithDefault("1000")
        int maxFiles();

        @WithDefault("10s")
        Duration readTimeout();
    }

    @ConfigMapping(prefix = "scorecards.examples")
    public interface Examples {
        /** Register {@link #location()} when the catalog is empty at start-up. */
        @WithDefault("true")
        boolean load();

        @WithDefault("catalog-examples/all.yaml")
        String location();
    }
}
