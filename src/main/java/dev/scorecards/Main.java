package dev.scorecards;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

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
            EmbeddedDatabase.startUnlessConfigured(Main::staticInit);
        }
        Quarkus.run(args);
    }

    /**
     * Quarkus' static init (the generated application class's initialiser: the CDI container, Hibernate's
     * metadata, about half of a start) needs no database, so it runs while the embedded PostgreSQL starts;
     * {@code Quarkus.run} then finds the class initialised (or waits for it). Outside the packaged application
     * (no generated class) nothing happens here.
     */
    private static void staticInit() {
        try {
            Class.forName("io.quarkus.runner.ApplicationImpl", true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            // not the packaged application: Quarkus.run initialises what it needs
        } catch (Throwable e) {
            // Quarkus.run fails on the same class; this is the cause it would otherwise not show
            Logger.getLogger(Main.class).error("Quarkus' static initialisation failed", e);
        }
    }
}
