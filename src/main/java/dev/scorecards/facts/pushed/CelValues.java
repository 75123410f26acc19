package dev.scorecards.facts.pushed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Pushed facts' stored JSON values as CEL sees them. */
final class CelValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CelValues() {
    }

    /** JSON as CEL wants it: whole numbers as Long, others as Double, lists as lists. */
    static Object of(String json) {
        try {
            return toCel(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object toCel(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(toCel(x)));
            return list;
        }
        return v.asText();
    }
}
