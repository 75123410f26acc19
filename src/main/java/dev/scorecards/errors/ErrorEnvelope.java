package dev.scorecards.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become HTTP: Backstage's envelope
 * {@code {error: {name, message}, request: {method, url}, response: {statusCode}}}.
 */
public class ErrorEnvelope {
    private static final Logger LOG = Logger.getLogger(ErrorEnvelope.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a client should wait before retrying a 503 (the database's restart, a slow evaluation). */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final dev.scorecards.db.DatabaseReachability database;

    @Inject
    ErrorEnvelope(dev.scorecards.db.DatabaseReachability database) {
        this.database = database;
    }

    @ServerExceptionMapper
    public Response service(ServiceError e, HttpServerRequest request) {
        return envelope(e.status(), e.name(), e.getMessage(), e.details(), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String name = switch (status) {
            case 400 -> "InputError";
            case 401 -> "AuthenticationError";
            case 403 -> "NotAllowedError";
            case 404 -> "NotFoundError";
            case 409 -> "ConflictError";
            case 413 -> "PayloadTooLargeError";
            default -> status < 500 ? "InputError" : "Error";
        };
        String message = e.getMessage();
        if (status == 404) {
            message = "No route for " + request.method() + " " + request.path();
        }
        return envelope(status, name, message, Map.of(), request);
    }

    /** A value an entity's constraints refuse (Hibernate Validator, on persist): 400 naming the field. */
    @ServerExceptionMapper
    public Response invalid(jakarta.validation.ConstraintViolationException e, HttpServerRequest request) {
        String message = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                .collect(java.util.stream.Collectors.joining("; "));
        return envelope(400, "InputError", "Invalid request: " + message, Map.of(), request);
    }

    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e, HttpServerRequest request) {
        var where = e.getLocation();
        return envelope(400, "InputError", "Malformed request: the body is not valid JSON"
                + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"),
                Map.of(), request);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, HttpServerRequest request) {
        if (status(e) == 503) {
            LOG.warnf("The database is unreachable on %s %s: %s", request.method(), request.uri(), e.getMessage());
            return envelope(503, "ServiceUnavailableError", "The database is unavailable; try again later",
                    Map.of(), request);
        }
        if (uniqueViolation(e)) {
            // a write that raced with an identical one and lost: nothing of it was stored
            LOG.warnf("A concurrent write of the same key won on %s %s: %s", request.method(), request.uri(),
                    e.getMessage());
            return envelope(409, "ConflictError", "The same item was written by another request at the same time;"
                    + " nothing was changed by this one", Map.of(), request);
        }
        LOG.errorf(e, "Unhandled error on %s %s", request.method(), request.uri());
        // what, never how: the class, message and stack stay in the log
        return envelope(500, "Error", "Internal error; the service log has the details", Map.of(), request);
    }

    /**
     * 503 when {@code e} looks like a lost database and a fresh connection confirms that it cannot be
     * reached; else 500: a client-side I/O error, a protocol violation or an exhausted pool while the
     * database answers is a defect to log, not an outage to wait out.
     */
    int status(Throwable e) {
        return databaseUnreachable(e) && !database.reachable() ? 503 : 500;
    }

    public static Response envelope(int status, String name, String message, Map<String, Object> details,
            HttpServerRequest request) {
        String body = body(status, name, message, details, request);
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (status == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** The envelope's JSON text, for the places that answer before JAX-RS does (e.g. a router handler). */
    public static String body(int status, String name, String message, Map<String, Object> details,
            HttpServerRequest request) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("name", name);
        error.put("message", message);
        details.forEach((k, v) -> error.set(k, JSON.valueToTree(v)));
        body.putObject("request").put("method", request.method().name()).put("url", request.uri());
        body.putObject("response").put("statusCode", status);
        return body.toString();
    }

    /** Whether {@code e} comes from a unique key PostgreSQL refused (SQLState 23505). */
    static boolean uniqueViolation(Throwable e) {
        for (int depth = 0; e != null && depth < 20; e = e.getCause(), depth++) {
            if (e instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code e} may come from not reaching PostgreSQL: a connection failure or shutdown
     * (SQLState class 08, 57P01-57P03) or no pooled connection within the acquisition timeout
     * (Agroal's SQLException carries no SQLState, only its message). Class 08 also covers pgjdbc's
     * client-side I/O errors and protocol violations, and the pool may just be busy: {@link #status}
     * confirms with a connection of its own.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (int depth = 0; e != null && depth < 20; e = e.getCause(), depth++) {
            if (e instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                if (state != null && (state.startsWith("08") || state.matches("57P0[123]"))
                        || state == null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

}
