package dev.scorecards.mcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The MCP extension's setting the access rule reads ({@code quarkus.mcp.server.http.*}, the extension's own name). */
@ConfigMapping(prefix = "quarkus.mcp.server.http")
public interface McpConfig {
    /** Where the MCP endpoint is served. */
    @WithDefault("/mcp")
    String rootPath();
}
