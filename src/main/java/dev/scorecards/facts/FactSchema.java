package dev.scorecards.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The type and meaning of facts: those the catalog graph derives (from {@code facts/derived-facts.yaml},
 * which must describe every one of them), and the type of a pushed value, in Tech Insights' fact types.
 */
@ApplicationScoped
public class FactSchema {
    static final String FILE = "facts/derived-facts.yaml";

    /** A fact's type ({@code integer}, {@code float}, {@code string}, {@code boolean}, {@code datetime}, {@code set}) and meaning. */
    public record Described(String type, String description) {
    }

    private final Map<String, Described> derived;

    FactSchema() {
        Map<String, Described> out = new LinkedHashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            doc.fields().forEachRemaining(e -> out.put(e.getKey(),
                    new Described(e.getValue().path("type").asText(), e.getValue().path("description").asText())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Reading " + FILE + " failed: " + e.getMessage(), e);
        }
        Set<String> undescribed = new TreeSet<>(FactNames.TYPES.keySet());
        undescribed.removeAll(out.keySet());
        Set<String> unknown = new TreeSet<>(out.keySet());
        unknown.removeAll(FactNames.TYPES.keySet());
        if (!undescribed.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalStateException(FILE + " must describe exactly the derived facts; missing " + undescribed
                    + ", not derived " + unknown);
        }
        Set<String> mistyped = new TreeSet<>();
        out.forEach((name, d) -> {
            if (!d.type().equals(FactNames.TYPES.get(name))) {
                mistyped.add(name + " is " + FactNames.TYPES.get(name) + ", not " + d.type());
            }
        });
        if (!mistyped.isEmpty()) {
            throw new IllegalStateException(FILE + " gives derived facts the wrong type: " + mistyped);
        }
        derived = Collections.unmodifiableMap(out);
    }

    /** Every derived fact, in the file's order. */
    public Map<String, Described> derived() {
        return derived;
    }

    public boolean isDerived(String name) {
        return derived.containsKey(name);
    }

    /** The Tech Insights type of a pushed value: lists are sets, ISO-8601 date-times with an offset are datetimes. */
    public static String typeOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "float";
        }
        if (value.isArray()) {
            return "set";
        }
        try {
            OffsetDateTime.parse(value.asText());
            return "datetime";
        } catch (DateTimeParseException e) {
            return "string";
        }
    }
}
