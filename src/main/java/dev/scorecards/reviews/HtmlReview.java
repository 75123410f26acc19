package dev.scorecards.reviews;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A review as a printable HTML page in the web pages' layout (Qute template {@code HtmlReview/review.html}). */
public final class HtmlReview {
    /** The web pages' policy: this origin's images and inline styles, no scripts at all. */
    public static final String POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private HtmlReview() {
    }

    /** The same review in the other forms, and the other periods around it (stable, so regenerating gives the same page). */
    public record Links(String markdown, String json, String week, String month, String quarter, String previous) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Review r, Links links);
    }

    public static String render(Review r) {
        String path = r.team() == null ? "/api/scorecards/reviews/org"
                : "/api/scorecards/reviews/teams/" + r.team().substring("group:".length());
        String at = "&at=" + r.period().start();
        String self = path + "?period=" + r.period().kind() + at;
        return Templates.review(r, new Links(self + "&format=markdown", self + "&format=json",
                path + "?period=week" + at + "&format=html", path + "?period=month" + at + "&format=html",
                path + "?period=quarter" + at + "&format=html",
                path + "?period=" + r.period().kind() + "&at=" + r.period().previousStart() + "&format=html")).render();
    }
}
