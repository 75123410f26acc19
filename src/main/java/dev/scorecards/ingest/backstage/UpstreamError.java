package dev.scorecards.ingest.backstage;

import dev.scorecards.errors.ServiceError;

/** A live Backstage catalog (or its token endpoint) could not be read: unreachable, refused, or not what it should answer. */
final class UpstreamError extends ServiceError {
    UpstreamError(String message) {
        super("BadGatewayError", 502, message, null, null);
    }

    UpstreamError(String message, Throwable cause) {
        super("BadGatewayError", 502, message, null, cause);
    }
}
