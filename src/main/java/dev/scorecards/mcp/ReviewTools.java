package dev.scorecards.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.reviews.Review;
import dev.scorecards.reviews.Reviews;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;

/** The platform review of a period, for the organisation or one team, as {@code GET /api/scorecards/reviews/…} answers it in JSON. */
public class ReviewTools {
    private final Reviews reviews;
    private final ObjectMapper json;

    @Inject
    ReviewTools(Reviews reviews, ObjectMapper json) {
        this.reviews = reviews;
        this.json = json;
    }

    @Tool(name = "platform_review", description = "The platform review of a week, month or quarter (the calendar period,"
            + " UTC, that contains the date given): capabilities and their rungs with the change since the previous"
            + " period, adoption, time to first adopter, satisfaction, bypasses with their reasons, support load,"
            + " bottleneck teams, campaigns and the three next steps with the most effect. For the organisation, or"
            + " for one team when team is given; as GET /api/scorecards/reviews/org (or /teams/{namespace}/{name}).",
            annotations = @Tool.Annotations(title = "Platform review of a period", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false))
    ToolResponse platformReview(
            @ToolArg(description = "week, month (default) or quarter", required = false) String period,
            @ToolArg(description = "A day of the period, YYYY-MM-DD (default: today, UTC)", required = false) String at,
            @ToolArg(description = "A team's ref, e.g. group:default/platform-team (kind defaults to group); none: the"
                    + " organisation", required = false) String team) {
        return Answers.answer(() -> {
            Review review;
            if (team == null || team.isBlank()) {
                review = reviews.org(period, at);
            } else {
                String ref = Answers.ref("team", team, "group");
                String namespaceAndName = ref.substring(ref.indexOf(':') + 1);
                int slash = namespaceAndName.indexOf('/');
                review = reviews.team(namespaceAndName.substring(0, slash), namespaceAndName.substring(slash + 1), period, at);
            }
            return json.valueToTree(review);
        });
    }
}
