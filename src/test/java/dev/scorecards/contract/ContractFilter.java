package dev.scorecards.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.Set;

/**
 * Checks every response a test receives against the contract: the operation exists, the status is
 * declared, and a JSON body matches the declared schema. Installed for every test class by
 * {@link ContractCallback}, so the contract cannot drift from what the service does.
 */
public final class ContractFilter implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        Contract contract = Contract.get();
        String template = contract.template(path);
        String method = request.getMethod();
        if (template == null || !contract.operations().contains(method + " " + template)) {
            throw new AssertionError("The contract has no operation for " + method + " " + path);
        }
        int status = response.statusCode();
        JsonNode declared = contract.response(method, template, status);
        if (declared == null) {
            throw new AssertionError("The contract declares no " + status + " response for " + method + " " + template
                    + "; body: " + response.asString());
        }
        String type = response.contentType();
        String mediaType = type == null || type.isBlank() ? "application/json" : type.split(";")[0].trim();
        if (!declared.path("content").isEmpty() && !response.asString().isEmpty()
                && !declared.path("content").has(mediaType)) {
            throw new AssertionError("The contract declares no " + mediaType + " body for " + status + " on " + method
                    + " " + template);
        }
        if (!mediaType.equals("application/json")) {
            return response;
        }
        JsonNode schema = declared.path("content").path("application/json").get("schema");
        if (schema == null) {
            if (type != null && type.startsWith("application/json") && !response.asString().isEmpty()
                    && declared.path("content").isEmpty()) {
                throw new AssertionError("The contract declares no body for " + status + " on " + method + " " + template);
            }
            return response;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path + " answered " + status + " with a body that is not JSON");
        }
        Set<ValidationMessage> errors = contract.schema(method + " " + template + " " + status, schema).validate(body);
        if (!errors.isEmpty()) {
            throw new AssertionError("Response to " + method + " " + path + " (" + status
                    + ") does not match the contract: " + errors + "\nbody: " + abbreviate(response.asString()));
        }
        return response;
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
}
