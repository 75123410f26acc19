package dev.scorecards.api.scorecards;

import dev.scorecards.reviews.HtmlReview;
import dev.scorecards.reviews.MarkdownReview;
import dev.scorecards.reviews.Review;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** The two non-JSON forms of a {@link Review}: Markdown and printable HTML (the JSON form is Jackson's). */
final class ReviewWriters {
    private ReviewWriters() {
    }

    /** Writes a review as its rendered text, with the headers its form needs. */
    abstract static class Rendered implements MessageBodyWriter<Review> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return Review.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(Review review, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
            headers(headers);
            out.write(render(review).getBytes(StandardCharsets.UTF_8));
        }

        abstract void headers(MultivaluedMap<String, Object> headers);

        abstract String render(Review review);
    }

    @Provider
    @Produces(MarkdownReview.TYPE)
    public static class Markdown extends Rendered {
        @Override
        void headers(MultivaluedMap<String, Object> headers) {
            headers.putSingle("Content-Type", MarkdownReview.TYPE + "; charset=UTF-8");
        }

        @Override
        String render(Review review) {
            return MarkdownReview.render(review);
        }
    }

    @Provider
    @Produces(MediaType.TEXT_HTML)
    public static class Html extends Rendered {
        @Override
        void headers(MultivaluedMap<String, Object> headers) {
            headers.putSingle("Content-Type", "text/html; charset=UTF-8");
            headers.putSingle("Content-Security-Policy", HtmlReview.POLICY);
            headers.putSingle("X-Content-Type-Options", "nosniff");
        }

        @Override
        String render(Review review) {
            return HtmlReview.render(review);
        }
    }
}
