package dev.scorecards.scoring.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.facts.CapabilityFacts;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** The JSON stored for an evaluated capability (its result document, scores and check states) and its hash. */
final class ResultDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultDocument() {
    }

    /**
     * The stored result document as JSON text: what {@code GET /capabilities/{ref}} shows, without the texts of
     * the definitions (names, descriptions, remediation), which {@link CapabilityQueries} adds when read.
     * Written field by field in a fixed order, so the same result always gives the same text (and hash).
     */
    static String text(Evaluated e) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Evaluated e) throws IOException {
        CapabilityFacts capability = e.capability();
        ScorecardResult ladder = e.ladder();
        g.writeStartObject();
        g.writeStringField("entityRef", capability.ref());
        g.writeStringField("kind", capability.kind());
        g.writeStringField("title", capability.title());
        g.writeStringField("owner", capability.ownerRef());
        g.writeStringField("level", ladder.level());
        g.writeNumberField("levelIndex", ladder.levelIndex());
        g.writeArrayFieldStart("scorecards");
        for (ScorecardResult r : e.scorecards()) {
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("level", r.level());
            g.writeNumberField("levelIndex", r.levelIndex());
            g.writeStringField("nextLevel", r.nextLevel());
            g.writeNumberField("percentage", r.percentage());
            g.writeArrayFieldStart("checks");
            for (CheckResult c : r.checks()) {
                writeState(g, "id", c.id(), c.state(), c.reason());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nextSteps");
            for (NextStep step : r.nextSteps()) {
                writeState(g, "checkId", step.checkId(), step.state(), step.reason());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("adoption");
        g.writeNumberField("consumers", capability.consumerCount());
        g.writeObjectField("consumingTeams", capability.consumingTeams());
        g.writeObjectField("producerTeams", capability.producerTeams());
        g.writeNumberField("eligibleTeams", capability.facts().eligibleTeamCount());
        g.writeNumberField("rate", capability.facts().adoptionRate());
        g.writeObjectField("bypasses", capability.bypasses());
        g.writeObjectField("bypassingTeams", capability.bypassingTeams());
        g.writeNumberField("bypassRatio", capability.facts().bypassRatio());
        FirstAdopter fa = e.firstAdopter();
        g.writeObjectFieldStart("timeToFirstAdopter");
        g.writeStringField("firstSeenAt", fa.firstSeenAt().toString());
        g.writeStringField("firstConsumerAt", fa.firstConsumerAt() == null ? null : fa.firstConsumerAt().toString());
        g.writeObjectField("days", fa.days());
        g.writeStringField("reason", fa.reason());
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectField("parts", capability.parts());
        g.writeObjectField("facts", new TreeMap<>(e.facts()));
        g.writeEndObject();
    }

    /** A check's state and its reason, under the check's id. */
    private static void writeState(JsonGenerator g, String idField, String id, CheckState state, String reason)
            throws IOException {
        g.writeStartObject();
        g.writeStringField(idField, id);
        g.writeStringField("state", state.name());
        g.writeStringField("reason", reason);
        g.writeEndObject();
    }

    static ObjectNode scores(Evaluated e) {
        ObjectNode scores = JSON.createObjectNode();
        for (ScorecardResult s : e.scorecards()) {
            ObjectNode o = scores.putObject(s.id());
            o.put("level", s.level());
            o.put("levelIndex", s.levelIndex());
            o.put("percentage", s.percentage());
        }
        return scores;
    }

    static ObjectNode states(Evaluated e) {
        ObjectNode states = JSON.createObjectNode();
        for (ScorecardResult s : e.scorecards()) {
            s.checks().forEach(c -> states.put(c.id(), c.state().name()));
        }
        return states;
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
