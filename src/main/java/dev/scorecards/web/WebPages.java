package dev.scorecards.web;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.query.CapabilityListQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The built-in web pages for people without Backstage: server-rendered HTML (Qute), no scripts. Not part
 * of the JSON API; its errors are HTML pages too.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WebPages {
    /** Nothing but this origin's images and the pages' own inline styles; no scripts at all. */
    static final String POLICY = dev.scorecards.reviews.HtmlReview.POLICY;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Home.Page page, java.util.List<CampaignPage.Row> campaigns);

        static native TemplateInstance campaign(CampaignPage.Detail page);

        static native TemplateInstance capability(CapabilityPage.Detail page);

        static native TemplateInstance graph(TeamGraphPicture.Picture picture);

        static native TemplateInstance problem(int status, String title, String message);
    }

    private final Home home;
    private final CapabilityPage capabilities;
    private final TeamGraph graph;
    private final CampaignPage campaignPages;
    private final HomeCache homeCache;

    @Inject
    WebPages(Home home, CapabilityPage capabilities, TeamGraph graph, CampaignPage campaignPages, HomeCache homeCache) {
        this.home = home;
        this.capabilities = capabilities;
        this.graph = graph;
        this.campaignPages = campaignPages;
        this.homeCache = homeCache;
    }

    @GET
    public Response index(@QueryParam("q") String q, @QueryParam("owner") String owner, @QueryParam("kind") String kind,
            @QueryParam("level") String level, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
            @QueryParam("page") String page) {
        CapabilityListQuery query;
        if (cursor != null && !cursor.isBlank()) {
            query = ListCursor.decode(cursor);
        } else {
            query = CapabilityListQuery.of(owner, kind, null, level, q, sort);
        }
        int number = 1;
        if (page != null && page.matches("[1-9][0-9]{0,5}")) {
            number = Integer.parseInt(page);
        }
        int n = number;
        byte[] body = homeCache.page(query, n, () -> {
            Home.Page p = home.page(query, n);
            return new HomeCache.Made(Templates.index(p, campaignPages.rows()).render(), p.refs(), p.evaluatedAt());
        });
        return html(200, body);
    }

    @GET
    @Path("capabilities/{kind}/{namespace}/{name}")
    public Response capability(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        EntityRef ref = new EntityRef(kind, namespace, name);
        CapabilityPage.Detail detail = capabilities.detail(ref);
        if (detail == null) {
            return html(404, Templates.problem(404, "No such capability",
                    "There is no capability " + ref + ". It may have been removed, or it is not a capability."));
        }
        return html(200, Templates.capability(detail));
    }

    @GET
    @Path("campaigns/{id}")
    public Response campaign(@PathParam("id") String id) {
        CampaignPage.Detail detail = campaignPages.detail(id);
        if (detail == null) {
            return html(404, Templates.problem(404, "No such campaign", "There is no campaign " + id + "."));
        }
        return html(200, Templates.campaign(detail));
    }

    @GET
    @Path("teams/graph")
    public Response graph() {
        return html(200, Templates.graph(graph.picture()));
    }

    /** Bad input (a malformed cursor, an unknown level or owner) as a page naming the problem. */
    @ServerExceptionMapper
    public Response error(ServiceError e) {
        return html(e.status(), Templates.problem(e.status(), e.status() == 404 ? "Not found" : "Cannot show this page",
                e.getMessage()));
    }

    /** The page rendered here, so that its content type keeps the charset (a template instance's would not). */
    private static Response html(int status, TemplateInstance page) {
        return html(status, page.render());
    }

    /** A page as text, or as UTF-8 bytes. */
    private static Response html(int status, Object page) {
        return Response.status(status).type("text/html; charset=UTF-8").entity(page)
                .header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff").build();
    }
}
