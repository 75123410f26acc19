package dev.scorecards.contract;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Auto-registered for every test class: validates every HTTP response against the contract. */
public final class ContractExtension implements BeforeAllCallback {
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!installed) {
            synchronized (ContractExtension.class) {
                if (!installed) {
                    RestAssured.filters(new ContractFilter());
                    installed = true;
                }
            }
        }
    }
}
