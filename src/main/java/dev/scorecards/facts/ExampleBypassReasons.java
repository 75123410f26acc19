package dev.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecards.ingest.location.ExamplesRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * On the first start, with the example catalog, the example's answers to "why do you go around it"
 * ({@code catalog-examples/bypass-reasons.yaml}), so that the bypass reasons show from the start.
 */
@ApplicationScoped
class ExampleBypassReasons {
    private static final Logger LOG = Logger.getLogger(ExampleBypassReasons.class);

    private final BypassReasons reasons;

    @Inject
    ExampleBypassReasons(BypassReasons reasons) {
        this.reasons = reasons;
    }

    void onExamples(@Observes ExamplesRegistered examples) {
        Path file = examples.folder().resolve("bypass-reasons.yaml");
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode answers = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            int n = 0;
            for (JsonNode a : answers) {
                reasons.seed(a.path("entityRef").asText(), a.path("team").asText(), a.path("reason").asText(),
                        a.path("comment").asText(null), a.path("instead").asText(null), a.path("answeredBy").asText(null));
                n++;
            }
            LOG.infof("Stored the example's %d bypass reasons from %s", n, file);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The example's bypass reasons %s were not stored: %s", file, e.getMessage());
        }
    }
}
