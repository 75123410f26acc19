package dev.scorecards.scoring.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The JSON stored for an evaluated capability (its result document, scores and check states) and its hash. */
final class ResultDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultDocument() {
    }

    /**
     * The stored result document: what {@code GET /capabilities/{ref}} shows, without the texts of the
     * definitions (names, descriptions, remediation), which {@link CapabilityQueries} adds when read.
     */
    static ObjectNode of(Evaluated e) {
        ObjectNode doc = JSON.createObjectNode();
        ScorecardResult ladder = e.ladder();
        doc.put("entityRef", e.capability().ref());
        doc.put("kind", e.capability().kind());
        doc.put("title", e.capability().title());
        doc.put("owner", e.capability().ownerRef());
        doc.put("level", ladder.level());
        doc.put("levelIndex", ladder.levelIndex());
        ArrayNode cards = doc.putArray("scorecards");
        for (ScorecardResult r : e.scorecards()) {
            ObjectNode card = cards.addObject();
            card.put("id", r.id());
            card.put("level", r.level());
            card.put("levelIndex", r.levelIndex());
            card.put("nextLevel", r.nextLevel());
            card.put("percentage", r.percentage());
            ArrayNode checks = card.putArray("checks");
            for (CheckResult c : r.checks()) {
                checks.addObject().put("id", c.id()).put("state", c.state().name()).put("reason", c.reason());
            }
            ArrayNode steps = card.putArray("nextSteps");
            for (NextStep step : r.nextSteps()) {
                steps.addObject().put("checkId", step.checkId()).put("state", step.state().name())
                        .put("reason", step.reason());
            }
        }
        ObjectNode adoption = doc.putObject("adoption");
        adoption.put("consumers", e.capability().consumerCount());
        adoption.set("consumingTeams", JSON.valueToTree(e.capability().consumingTeams()));
        adoption.set("producerTeams", JSON.valueToTree(e.capability().producerTeams()));
        adoption.put("eligibleTeams", e.capability().facts().eligibleTeamCount());
        adoption.put("rate", e.capability().facts().adoptionRate());
        adoption.set("bypasses", JSON.valueToTree(e.capability().bypasses()));
        adoption.set("bypassingTeams", JSON.valueToTree(e.capability().bypassingTeams()));
        adoption.put("bypassRatio", e.capability().facts().bypassRatio());
        ObjectNode first = adoption.putObject("timeToFirstAdopter");
        FirstAdopter fa = e.firstAdopter();
        first.put("firstSeenAt", fa.firstSeenAt().toString());
        first.put("firstConsumerAt", fa.firstConsumerAt() == null ? null : fa.firstConsumerAt().toString());
        first.put("days", fa.days());
        first.put("reason", fa.reason());
        doc.set("parts", JSON.valueToTree(e.capability().parts()));
        doc.set("facts", JSON.valueToTree(new java.util.TreeMap<>(e.facts())));
        return doc;
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
