package dev.scorecards.db;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The datasource settings the service reads itself ({@code quarkus.datasource.*}, Quarkus' own names). */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DatasourceConfig {
    Jdbc jdbc();

    Optional<String> username();

    Optional<String> password();

    interface Jdbc {
        String url();
    }
}
