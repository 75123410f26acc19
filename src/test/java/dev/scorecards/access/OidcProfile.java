package dev.scorecards.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OIDC on against an in-process provider (WireMock) that signs test tokens; reads need a token;
 * roles come from {@code groups} and {@code app_metadata/roles}; no rate limits.
 */
public class OidcProfile implements QuarkusTestProfile {
    /** OIDC on against the in-process provider; other profiles add their own settings to these. */
    public static Map<String, String> oidcOn(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(more);
        all.put("quarkus.oidc.tenant-enabled", "true");
        all.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
        // the audience the provider's test tokens carry: a token's aud must name the client id by default
        all.put("quarkus.oidc.client-id", "https://server.example.com");
        return all;
    }

    /** The in-process provider that signs the test tokens. */
    public static List<TestResourceEntry> provider() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return oidcOn(Map.of("scorecards.auth.reads", "authenticated",
                "scorecards.auth.roles-claim", "groups,app_metadata/roles"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return provider();
    }
}
