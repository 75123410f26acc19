package dev.scorecards.api.csv;

import dev.scorecards.errors.ServiceError;
import dev.scorecards.reviews.MarkdownReview;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Which form of an answer a request asks for, decided once for every endpoint: {@code format} (json,
 * csv, markdown, html) wins; without it, an Accept header naming text/csv and not application/json asks
 * for CSV. The answer is written into the Accept header, so JAX-RS content negotiation picks the JSON
 * writer, {@link CsvBodyWriter} or the review writers ({@code api.scorecards.ReviewWriters}); every form but JSON keeps
 * JSON as a last resort so that an endpoint without them still matches and is refused below. On an
 * endpoint with more than one form, a {@code format} it does not have is a 400.
 */
public class CsvFormat {
    private static final String GRAPHVIZ = "text/vnd.graphviz";
    /** Each {@code format} value and the one media type it stands for, in the order messages list them. */
    private static final Map<String, String> FORMATS = new LinkedHashMap<>();
    /** JSON's quality when another form is asked for: taken only where that form is not offered (then refused). */
    private static final String LAST_RESORT = "q=0.001";

    static {
        FORMATS.put("json", MediaType.APPLICATION_JSON);
        FORMATS.put("csv", CsvTable.TYPE);
        FORMATS.put("markdown", MarkdownReview.TYPE);
        FORMATS.put("html", MediaType.TEXT_HTML);
    }

    /** Maps {@code format} (or an Accept naming only CSV) to the Accept it stands for, before matching. */
    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext ctx) {
        String format = ctx.getUriInfo().getQueryParameters().getFirst("format");
        if (format != null && !format.isBlank()) {
            String type = FORMATS.get(format.trim().toLowerCase(Locale.ROOT));
            if (type != null) {
                ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, type.equals(MediaType.APPLICATION_JSON) ? type
                        : type + ", " + MediaType.APPLICATION_JSON + ";" + LAST_RESORT);
            }
            return;
        }
        String accept = ctx.getHeaderString(HttpHeaders.ACCEPT);
        String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (a.contains(CsvTable.TYPE)) {
            ctx.getHeaders().putSingle(HttpHeaders.ACCEPT,
                    a.contains(MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON : CsvTable.TYPE);
        }
    }

    /**
     * A {@code format} the endpoint does not offer (json always; dot where Graphviz is offered) is a 400 on
     * an endpoint with a CSV form or more than one of the forms above.
     */
    @ServerRequestFilter
    public void check(ContainerRequestContext ctx, ResourceInfo info) {
        String format = ctx.getUriInfo().getQueryParameters().getFirst("format");
        if (format == null || format.isBlank() || info.getResourceMethod() == null) {
            return;
        }
        Produces produces = info.getResourceMethod().getAnnotation(Produces.class);
        if (produces == null) {
            produces = info.getResourceClass().getAnnotation(Produces.class);
        }
        List<String> types = produces == null ? List.of() : Arrays.asList(produces.value());
        List<String> offered = FORMATS.entrySet().stream()
                .filter(e -> e.getKey().equals("json") || types.contains(e.getValue())).map(Map.Entry::getKey).toList();
        if (!types.contains(CsvTable.TYPE) && offered.size() < 3) {
            return;
        }
        String f = format.trim().toLowerCase(Locale.ROOT);
        boolean dot = f.equals("dot") && types.contains(GRAPHVIZ);
        if (!offered.contains(f) && !dot) {
            String last = offered.get(offered.size() - 1);
            throw ServiceError.input("Invalid format '" + format + "': "
                    + String.join(", ", offered.subList(0, offered.size() - 1)) + " or " + last);
        }
    }

    /** Whether this request asks for CSV (after {@link #negotiate}), for the lists whose CSV form holds other rows. */
    public static boolean asked(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.startsWith(CsvTable.TYPE);
    }
}
