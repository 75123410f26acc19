package dev.scorecards.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scorecards.access.ProviderDownProfile;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OIDC on with public reads, its provider down: /mcp, like the REST API's public reads, never looks at a token. */
@QuarkusTest
@TestProfile(ProviderDownProfile.class)
class McpProviderDownTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void publicReadsNeedNoProvider() {
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), Map.of("Authorization",
                "Bearer anything"))) {
            McpSyncClient client = McpTest.client(base, headers);
            try {
                client.initialize();
                assertEquals(McpTest.TOOLS, client.listTools().tools().stream().map(McpSchema.Tool::name).sorted()
                        .toList());
                assertEquals(0, McpTest.call(client, "bottleneck_teams", Map.of()).path("bottlenecks").size());
            } finally {
                client.closeGracefully();
            }
        }
    }
}
