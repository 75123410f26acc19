package dev.scorecards.api.scorecards;

import dev.scorecards.badges.Badges;
import jakarta.ws.rs.core.Response;

/** A badge answer over HTTP: the bytes with a strong ETag and {@code Cache-Control: no-cache}, 304 when it matches. */
final class BadgeAnswers {
    private BadgeAnswers() {
    }

    static Response answer(Badges.Body body, String type, String ifNoneMatch) {
        Response.ResponseBuilder r = body.status() == 200 && matches(ifNoneMatch, body.etag())
                ? Response.notModified() : Response.status(body.status()).entity(body.bytes()).type(type);
        return r.header("ETag", body.etag()).header("Cache-Control", "no-cache").build();
    }

    /** Whether an {@code If-None-Match} header names this ETag (or is {@code *}); weak forms compare too. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.replaceFirst("^W/", "").equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
