package dev.scorecards.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.scoring.query.Rollups;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;

/**
 * The team tools: one team's capabilities and what it consumes (as {@code GET /api/scorecards/teams/{ns}/{name}}),
 * and the bottleneck teams of the team interaction graph (as {@code GET /api/scorecards/teams/graph}).
 */
public class TeamTools {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rollups rollups;
    private final TeamInteractions interactions;

    @Inject
    TeamTools(Rollups rollups, TeamInteractions interactions) {
        this.rollups = rollups;
        this.interactions = interactions;
    }

    @Tool(name = "team_capabilities", description = "One team's capabilities (with their levels and scorecards) and"
            + " the capabilities it consumes (with the components that consume them), as"
            + " GET /api/scorecards/teams/{namespace}/{name}.",
            annotations = @Tool.Annotations(title = "A team's capabilities and consumption", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    ToolResponse teamCapabilities(
            @ToolArg(description = "The team's ref, e.g. group:default/platform-team (kind defaults to group)")
            String team) {
        return Answers.answer(() -> JSON.valueToTree(rollups.team(EntityRef.parse(Answers.ref("team", team, "group")))));
    }

    @Tool(name = "bottleneck_teams", description = "The bottleneck teams: teams through which at least the configured"
            + " share of the shortest paths between other teams of the interaction graph run (betweenness), with"
            + " their fan-in and fan-out; as GET /api/scorecards/teams/graph.",
            annotations = @Tool.Annotations(title = "Bottleneck teams", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    ToolResponse bottleneckTeams() {
        return Answers.answer(this::bottlenecks);
    }

    private ObjectNode bottlenecks() {
        TeamInteractions.Result graph = interactions.compute();
        ObjectNode out = JSON.createObjectNode();
        out.put("bottleneckShare", graph.bottleneckShare());
        out.put("teamCount", graph.teams().size());
        ArrayNode bottlenecks = out.putArray("bottlenecks");
        for (TeamInteractions.Team t : graph.teams()) {
            if (t.bottleneck()) {
                bottlenecks.add(JSON.valueToTree(t));
            }
        }
        return out;
    }
}
