package dev.scorecards.ingest.location;

import dev.scorecards.ingest.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** On the first start (no location registered yet), registers {@code catalog-examples/} so there is something to see. */
@ApplicationScoped
class ExampleLoader {
    private static final Logger LOG = Logger.getLogger(ExampleLoader.class);

    private final IngestConfig.Examples examplesConfig;
    private final LocationStore store;
    private final LocationService locations;
    private final jakarta.enterprise.event.Event<ExamplesRegistered> registered;

    @Inject
    ExampleLoader(IngestConfig.Examples examplesConfig, LocationStore store, LocationService locations,
            jakarta.enterprise.event.Event<ExamplesRegistered> registered) {
        this.examplesConfig = examplesConfig;
        this.store = store;
        this.locations = locations;
        this.registered = registered;
    }

    void onStart(@Observes StartupEvent event) {
        if (!examplesConfig.load() || !store.all().isEmpty()) {
            return;
        }
        Path path = Path.of(examplesConfig.location()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            LOG.warnf("Example catalog %s not found; starting with an empty catalog", path);
            return;
        }
        var registration = locations.register("file", path.toString(), false);
        LOG.infof("Registered the example catalog %s as location %s", path, registration.location().id());
        registered.fire(new ExamplesRegistered(path.getParent()));
    }
}
