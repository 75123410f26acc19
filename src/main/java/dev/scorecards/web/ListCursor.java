package dev.scorecards.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.CapabilityListQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The home page's "next page" links carry the list query as an opaque cursor: base64url of its JSON. */
final class ListCursor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ListCursor() {
    }

    static String encode(CapabilityListQuery query) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(query));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CapabilityListQuery decode(String cursor) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            CapabilityListQuery q = JSON.readValue(json, CapabilityListQuery.class);
            if (q.sort() == null) {
                throw new IllegalArgumentException("no sort");
            }
            return q;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ServiceError.input("Malformed cursor: follow the page's own links");
        }
    }
}
