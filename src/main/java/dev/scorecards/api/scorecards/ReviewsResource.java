package dev.scorecards.api.scorecards;

import dev.scorecards.reviews.MarkdownReview;
import dev.scorecards.reviews.Review;
import dev.scorecards.reviews.Reviews;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Platform reviews of a week, month or quarter, for the organisation and for one team, as JSON, Markdown
 * or printable HTML ({@code Accept}, or {@code format=json|markdown|html} through {@code api.csv.CsvFormat}).
 */
@Path("/api/scorecards/reviews")
@Produces({MediaType.APPLICATION_JSON, MarkdownReview.TYPE, MediaType.TEXT_HTML})
public class ReviewsResource {
    private final Reviews reviews;

    @Inject
    ReviewsResource(Reviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/org")
    public Review org(@QueryParam("period") String period, @QueryParam("at") String at) {
        return reviews.org(period, at);
    }

    @GET
    @Path("/teams/{namespace}/{name}")
    public Review team(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @QueryParam("period") String period, @QueryParam("at") String at) {
        return reviews.team(namespace, name, period, at);
    }
}
