package dev.scorecards.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/**
 * Installs {@link ContractFilter} in the RestAssured that {@code @QuarkusTest} classes really use
 * (they run in Quarkus' own class loader, where a JUnit extension's RestAssured is another copy).
 */
public final class ContractCallback implements QuarkusTestBeforeClassCallback {
    @Override
    public void beforeClass(Class<?> testClass) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractFilter)) {
            RestAssured.filters(new ContractFilter());
        }
    }
}
