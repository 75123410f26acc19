package dev.scorecards.errors;

import java.util.Map;

/**
 * An error with a Backstage error name (InputError, NotFoundError, …) and its HTTP status; thrown
 * anywhere, turned into Backstage's error envelope in exactly one place (the api stage).
 */
public class ServiceError extends RuntimeException {
    private final String name;
    private final int status;
    private final transient Map<String, Object> details;

    protected ServiceError(String name, int status, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.name = name;
        this.status = status;
        this.details = details == null ? Map.of() : details;
    }

    public String name() {
        return name;
    }

    public int status() {
        return status;
    }

    /** Extra fields placed next to name and message in the envelope's error object. */
    public Map<String, Object> details() {
        return details;
    }

    public static ServiceError input(String message) {
        return new ServiceError("InputError", 400, message, null, null);
    }

    public static ServiceError input(String message, Map<String, Object> details) {
        return new ServiceError("InputError", 400, message, details, null);
    }

    public static ServiceError notFound(String message) {
        return new ServiceError("NotFoundError", 404, message, null, null);
    }

    public static ServiceError conflict(String message) {
        return new ServiceError("ConflictError", 409, message, null, null);
    }

    public static ServiceError notAllowed(String message) {
        return new ServiceError("NotAllowedError", 403, message, null, null);
    }

    public static ServiceError payloadTooLarge(String message) {
        return new ServiceError("PayloadTooLargeError", 413, message, null, null);
    }

    public static ServiceError unavailable(String message) {
        return new ServiceError("ServiceUnavailableError", 503, message, null, null);
    }
}
