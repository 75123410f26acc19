package dev.scorecards.api.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.api.JsonBody;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.ingest.location.LocationAnalyzer;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** Backstage's {@code POST /api/catalog/analyze-location} ({@code CatalogApi.analyzeLocation}). */
@Path("/api/catalog/analyze-location")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyzeLocationResource {
    private static final Set<String> LOCATION = Set.of("type", "target", "presence");

    private final LocationAnalyzer analyzer;

    @Inject
    AnalyzeLocationResource(LocationAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @POST
    public LocationAnalyzer.Analysis analyze(@HeaderParam("Content-Type") String contentType, String body) {
        JsonNode request = BodySchema.object(JsonBody.value(contentType, body), "request/body", null, "location");
        JsonNode location = BodySchema.object(request.get("location"), "request/body/location", LOCATION, "type", "target");
        String type = BodySchema.string(location, "request/body/location", "type");
        String target = BodySchema.string(location, "request/body/location", "target");
        JsonNode file = request.get("catalogFilename");
        if (file != null && !file.isTextual()) { // zod's answer, after the schema's
            throw ServiceError.input("Malformed request: [\n  {\n    \"code\": \"invalid_type\",\n    \"expected\": \"string\",\n"
                    + "    \"received\": \"" + zodType(file) + "\",\n    \"path\": [\n      \"catalogFilename\"\n    ],\n"
                    + "    \"message\": \"Expected string, received " + zodType(file) + "\"\n  }\n]");
        }
        return analyzer.analyze(type, target);
    }

    private static String zodType(JsonNode v) {
        return v.isNumber() ? "number" : v.isBoolean() ? "boolean" : v.isArray() ? "array" : v.isNull() ? "null" : "object";
    }
}
