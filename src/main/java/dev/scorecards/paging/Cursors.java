package dev.scorecards.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.errors.ServiceError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: base64url of a JSON record. Clients never look inside. */
public final class Cursors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    public static String encode(Object state) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(state));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Standard base64 (what JavaScript's {@code atob} reads): for cursors that a client looks inside,
     * as {@code @backstage/catalog-client} does to send a cursor holding {@code query} by {@code POST}.
     */
    public static String encodeStandard(Object state) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(state));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a cursor in either alphabet, with or without padding. */
    public static <T> T decode(String cursor, Class<T> type, String what) {
        try {
            String text = cursor.trim().replace('-', '+').replace('_', '/');
            String json = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            return JSON.readValue(json, type);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ServiceError.input(what.isEmpty() ? "Malformed cursor" : "Malformed " + what + " cursor");
        }
    }
}
