package dev.scorecards.api.csv;

import dev.scorecards.errors.ServiceError;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Which form of a list a request asks for, decided once for every endpoint: {@code format=csv} or
 * {@code format=json} win; without {@code format}, an Accept header naming text/csv and not
 * application/json asks for CSV. The answer is written into the Accept header, so JAX-RS content
 * negotiation picks the JSON writer or {@link CsvBodyWriter}. On an endpoint with a CSV form, any
 * other {@code format} is a 400.
 */
public class CsvFormat {
    private static final String GRAPHVIZ = "text/vnd.graphviz";

    /** Maps {@code format} (or an Accept naming only CSV) to exactly one Accept type, before matching. */
    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext ctx) {
        String format = ctx.getUriInfo().getQueryParameters().getFirst("format");
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (f.equals("csv")) {
                ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, CsvTable.TYPE);
            } else if (f.equals("json")) {
                ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
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

    /** A {@code format} other than json or csv (or dot, where Graphviz is offered) is a 400 on an endpoint with a CSV form. */
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
        if (produces == null || !Arrays.asList(produces.value()).contains(CsvTable.TYPE)) {
            return;
        }
        String f = format.trim().toLowerCase(Locale.ROOT);
        boolean dot = f.equals("dot") && Arrays.asList(produces.value()).contains(GRAPHVIZ);
        if (!f.equals("csv") && !f.equals("json") && !dot) {
            throw ServiceError.input("Invalid format '" + format + "': json or csv");
        }
    }

    /** Whether this request asks for CSV (after {@link #negotiate}), for the lists whose CSV form holds other rows. */
    public static boolean asked(HttpHeaders headers) {
        return CsvTable.TYPE.equals(headers.getHeaderString(HttpHeaders.ACCEPT));
    }
}
