package dev.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reasons a team may give for going around a capability: {@code facts/bypass-reasons.yaml}, id → meaning. */
final class BypassReasonList {
    static final String FILE = "facts/bypass-reasons.yaml";

    private BypassReasonList() {
    }

    static Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = BypassReasonList.class.getClassLoader().getResourceAsStream(FILE)) {
            for (JsonNode r : new ObjectMapper(new YAMLFactory()).readTree(in)) {
                out.put(r.path("id").asText(), r.path("description").asText());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Reading " + FILE + " failed: " + e.getMessage(), e);
        }
        if (out.isEmpty() || out.containsKey("")) {
            throw new IllegalStateException(FILE + " must list reasons, each with an id");
        }
        return out;
    }
}
