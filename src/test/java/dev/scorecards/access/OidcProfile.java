package dev.scorecards.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;

/**
 * OIDC on against an in-process provider (WireMock) that signs test tokens; reads need a token;
 * roles come from {@code groups} and {@code app_metadata/roles}; no rate limits.
 */
public class OidcProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.client-id", "scorecards",
                "scorecards.auth.reads", "authenticated",
                "scorecards.auth.roles-claim", "groups,app_metadata/roles");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
}
