package dev.scorecards.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.paging.Cursors;
import dev.scorecards.scoring.query.CapabilityDetail;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityListQuery;
import dev.scorecards.scoring.query.CapabilityQueries;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;

/**
 * The capability tools: the capability list with its filters (as {@code GET /api/scorecards/capabilities}
 * answers it) and one capability's level explained with its next steps (from what
 * {@code GET /api/scorecards/capabilities/{kind}/{namespace}/{name}} answers).
 */
public class CapabilityTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_LIMIT = 500;

    private final CapabilityList list;
    private final CapabilityQueries queries;
    private final ScorecardDefinitions definitions;

    @Inject
    CapabilityTools(CapabilityList list, CapabilityQueries queries, ScorecardDefinitions definitions) {
        this.list = list;
        this.queries = queries;
        this.definitions = definitions;
    }

    @Tool(name = "list_capabilities", description = "Lists the platform's capabilities (what teams offer other teams)"
            + " with their ladder level, scorecard levels and percentages, consumers and adoption; filters and sorts"
            + " as GET /api/scorecards/capabilities. Pages: pass nextCursor back as cursor.",
            annotations = @Tool.Annotations(title = "List capabilities", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    ToolResponse listCapabilities(
            @ToolArg(description = "Owner ref, e.g. group:default/platform-team (kind defaults to group)",
                    required = false) String owner,
            @ToolArg(description = "Entity kind: system, api, component, resource, …", required = false) String kind,
            @ToolArg(description = "A level name of the ladder (or of the scorecard given), or none for below the"
                    + " first level", required = false) String level,
            @ToolArg(description = "Scorecard id that level and sort=percentage refer to (default: the ladder)",
                    required = false) String scorecard,
            @ToolArg(description = "Text the ref or title contains", required = false) String q,
            @ToolArg(description = "name, level, consumers, adoption or percentage; a leading - sorts descending",
                    required = false) String sort,
            @ToolArg(description = "Page size, 1 to 500 (default 50)", required = false) Integer limit,
            @ToolArg(description = "nextCursor of the previous page; the filters travel in it", required = false)
            String cursor) {
        return Answers.answer(() -> list(owner, kind, level, scorecard, q, sort, limit, cursor));
    }

    private ObjectNode list(String owner, String kind, String level, String scorecard, String q, String sort,
            Integer limit, String cursor) {
        CapabilityListQuery query = cursor != null && !cursor.isBlank()
                ? Cursors.decode(cursor, CapabilityListQuery.class, "")
                : CapabilityListQuery.of(owner, kind, scorecard, level, q, sort);
        int size = limit == null ? 50 : limit;
        if (size < 1) {
            throw ServiceError.input("Invalid limit " + size + ": at least 1");
        }
        CapabilityList.Page page = list.list(query, Math.min(size, MAX_LIMIT));
        ObjectNode out = JSON.createObjectNode();
        out.put("totalItems", page.totalItems());
        ArrayNode items = out.putArray("items");
        for (CapabilityList.ListItem item : page.items()) {
            try {
                items.add(JSON.readTree(item.json()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A capability list row is not JSON", e);
            }
        }
        out.put("nextCursor", page.next() == null ? null : Cursors.encode(page.next()));
        return out;
    }

    @Tool(name = "explain_capability", description = "Explains one capability's level: the rung it holds on the"
            + " ladder and why, each scorecard's level, and the next steps (failing checks with their reasons and"
            + " remediation) to its next level; plus its adoption and why teams go around it. As GET /api/scorecards/capabilities/{kind}/"
            + "{namespace}/{name}, summarised.",
            annotations = @Tool.Annotations(title = "Explain a capability's level", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    ToolResponse explainCapability(
            @ToolArg(description = "The capability's entity ref, kind:namespace/name, e.g."
                    + " system:default/observability") String ref) {
        return Answers.answer(() -> explain(ref));
    }

    private ObjectNode explain(String ref) {
        EntityRef entityRef = EntityRef.parse(Answers.ref("ref", ref, null));
        CapabilityDetail detail = queries.get(entityRef);
        if (detail == null) {
            throw ServiceError.notFound("No capability " + entityRef);
        }
        ObjectNode explained = Explanation.of(detail, definitions.ladder());
        explained.set("bypassReasons", JSON.valueToTree(detail.bypassReasons()));
        return explained;
    }
}
