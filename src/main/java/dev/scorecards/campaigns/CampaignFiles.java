package dev.scorecards.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The campaigns defined as YAML files (one or more documents each) in {@code scorecards.campaigns.dir},
 * read once at startup; a bad one stops the service with a message naming its file and field.
 */
@ApplicationScoped
public class CampaignFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, CampaignSpec> byId;

    @Inject
    CampaignFiles(CampaignsConfig config, ScorecardDefinitions definitions) {
        Optional<String> dir = config.dir();
        Map<String, CampaignSpec> out = new LinkedHashMap<>();
        if (dir.isPresent() && !dir.get().isBlank()) {
            Path d = Path.of(dir.get());
            if (!Files.isDirectory(d)) {
                throw new IllegalStateException("scorecards.campaigns.dir " + d.toAbsolutePath() + " is not a folder");
            }
            try (var list = Files.list(d)) {
                for (Path f : list.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                    read(f, definitions, out);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Reading campaigns from " + d + " failed: " + e.getMessage(), e);
            }
        }
        this.byId = Collections.unmodifiableMap(out);
    }

    private static void read(Path f, ScorecardDefinitions definitions, Map<String, CampaignSpec> out)
            throws IOException {
        try (InputStream in = Files.newInputStream(f);
                MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(in)) {
            int index = 0;
            while (it.hasNext()) {
                JsonNode doc = it.next();
                index++;
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                CampaignSpec spec;
                try {
                    spec = new CampaignReader(definitions, f + " (document " + index + ")").read(doc, f.toString());
                } catch (ServiceError e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                if (out.put(spec.id(), spec) != null) {
                    throw new IllegalStateException(f + ": campaign " + spec.id() + " is defined twice");
                }
            }
        }
    }

    /** The file campaign with this id, or null. */
    public CampaignSpec get(String id) {
        return byId.get(id);
    }

    public Map<String, CampaignSpec> all() {
        return byId;
    }
}
