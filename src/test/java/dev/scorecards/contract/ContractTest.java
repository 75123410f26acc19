package dev.scorecards.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The contract in openapi/ and the implemented operations agree in both directions, and it is what /q/openapi serves. */
@QuarkusTest
class ContractTest {
    private static final Map<Class<? extends Annotation>, String> METHODS =
            Map.of(GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", HEAD.class, "HEAD");

    @Test
    void contractAndResourcesDeclareTheSameOperations() throws IOException, URISyntaxException {
        TreeSet<String> implemented = new TreeSet<>();
        java.nio.file.Path classes = java.nio.file.Path.of(
                dev.scorecards.errors.ErrorEnvelope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/scorecards"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    for (var e : METHODS.entrySet()) {
                        if (m.isAnnotationPresent(e.getKey())) {
                            Path sub = m.getAnnotation(Path.class);
                            String path = (base.value() + (sub == null ? "" : "/" + sub.value()))
                                    .replaceAll("/+", "/").replaceAll("(.)/$", "$1")
                                    .replaceAll("\\{([^:}]+):[^}]*}", "{$1}");
                            implemented.add(e.getValue() + " " + path);
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(Contract.get().operations()), implemented);
    }

    @Test
    void everyResponseOfTheTestsIsCheckedAgainstTheContract() {
        org.junit.jupiter.api.Assertions.assertTrue(io.restassured.RestAssured.filters().stream()
                .anyMatch(f -> f instanceof ContractFilter), "ContractFilter is not installed");
        // a response the contract does not declare fails the request that received it
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> given().get("/api/catalog/not-an-operation"));
    }

    @Test
    void theServedDocumentIsTheContractFileByteForByte() throws IOException {
        byte[] file = Files.readAllBytes(java.nio.file.Path.of("openapi/openapi.yaml"));
        for (String accept : new String[] {"*/*", "application/json", "application/yaml"}) {
            byte[] served = given().accept(accept).get("/q/openapi").then().statusCode(200)
                    .contentType("application/yaml;charset=UTF-8").extract().asByteArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(file, served, accept);
        }
        // the same document as JSON, on request; nothing added (smallrye used to add a SecurityScheme)
        given().get("/q/openapi?format=json").then().statusCode(200).contentType("application/json;charset=UTF-8")
                .body("info.title", equalTo(Contract.get().document().path("info").path("title").asText()))
                .body("paths.size()", equalTo(Contract.get().document().path("paths").size()))
                .body("components.securitySchemes", equalTo(null));
        given().get("/q/openapi?format=xml").then().statusCode(400);
    }
}
