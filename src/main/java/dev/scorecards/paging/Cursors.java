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

    public static <T> T decode(String cursor, Class<T> type, String what) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            return JSON.readValue(json, type);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ServiceError.input("Malformed " + what + " cursor");
        }
    }
}
