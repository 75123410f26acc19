package dev.scorecards.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * OIDC on, but its provider's port is closed (the service starts anyway and retries on each
 * request); reads public; tiny rate limits: 3 writes and 2 evaluations per caller and minute.
 */
public class ProviderDownProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + closedPort + "/realms/down",
                "quarkus.oidc.client-id", "scorecards",
                "scorecards.auth.reads", "public",
                "scorecards.rate-limit.writes-per-minute", "3",
                "scorecards.rate-limit.evaluate-per-minute", "2");
    }
}
