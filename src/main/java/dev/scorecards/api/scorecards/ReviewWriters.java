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

    @Provider
    @Produces(MarkdownReview.TYPE)
    public static class Markdown implements MessageBodyWriter<Review> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return Review.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(Review review, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
            headers.putSingle("Content-Type", MarkdownReview.TYPE + "; charset=UTF-8");
            out.write(MarkdownReview.render(review).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Provider
    @Produces(MediaType.TEXT_HTML)
    public static class Html implements MessageBodyWriter<Review> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return Review.class.isAssignableFrom(type);
        }

        @Override
        public void writeTo(Review review, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
            headers.putSingle("Content-Type", "text/html; charset=UTF-8");
            headers.putSingle("Content-Security-Policy", HtmlReview.POLICY);
            headers.putSingle("X-Content-Type-Options", "nosniff");
            out.write(HtmlReview.render(review).getBytes(StandardCharsets.UTF_8));
        }
    }
}
