package dev.scorecards;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. With no datasource configured it first starts an embedded PostgreSQL whose
 * data lives under {@code ./data/}, so one command runs everything; with
 * {@code QUARKUS_DATASOURCE_JDBC_URL} set it uses that database instead.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (!Boolean.getBoolean("quarkus.appcds.generate")) { // the build's AppCDS run stops before any database use
            EmbeddedDatabase.startUnlessConfigured();
        }
        Quarkus.run(args);
    }
}
