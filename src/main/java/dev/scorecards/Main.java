package dev.scorecards;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. With no datasource configured it first starts an embedded PostgreSQL whose
 * data lives under {@code ./data/}, so one command runs everything; with
 * {@code QUARKUS_DATASOURCE_JDBC_URL} set it uses that database instead. Started without a heap limit
 * (README's run command), it first starts itself again with the JVM settings {@code k8s/} gives it
 * ({@link HeapDefault}).
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        HeapDefault.relaunchUnlessLimited(); // without a heap limit: runs the service in a JVM with k8s/'s settings
        // Quarkus' own URI check answers an invalid request target with an empty 400: api.MalformedRequests
        // makes the same check as the first route and answers in the envelope
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        if (!Boolean.getBoolean("quarkus.appcds.generate")) { // the build's AppCDS run stops before any database use
            EmbeddedDatabase.startUnlessConfigured();
        }
        Quarkus.run(args);
    }
}
