package dev.scorecards.api.scorecards;

import dev.scorecards.api.ApiConfig;
import dev.scorecards.api.Caller;
import dev.scorecards.api.Refs;
import dev.scorecards.api.access.AccessConfig;
import dev.scorecards.badges.BadgeStyle;
import dev.scorecards.badges.Badges;
import dev.scorecards.campaigns.CampaignProgress;
import dev.scorecards.campaigns.CampaignSpec;
import dev.scorecards.campaigns.Campaigns;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * README badges: a capability's scorecard as SVG or shields.io endpoint JSON, by name or by opaque id,
 * answered with a strong ETag (304 when it matches) and {@code Cache-Control: no-cache}; its badge id
 * (for authenticated callers: its role in openapi.yaml); and the Markdown to paste (cached like the badges).
 */
@Path("/api/scorecards/badges")
public class BadgesResource {
    private static final String SVG = "image/svg+xml";

    private final Badges badges;
    private final Caller caller;
    private final ApiConfig.PublicUrl publicUrl;
    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final AccessConfig.Oidc oidc;

    @Inject
    BadgesResource(Badges badges, Caller caller, ApiConfig.PublicUrl publicUrl, Campaigns campaigns,
            CampaignProgress progress, AccessConfig.Oidc oidc) {
        this.badges = badges;
        this.caller = caller;
        this.publicUrl = publicUrl;
        this.campaigns = campaigns;
        this.progress = progress;
        this.oidc = oidc;
    }

    @GET
    @Path("/{kind}/{namespace}/{name}/{scorecard}.svg")
    @Produces(SVG)
    public Response svg(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @PathParam("scorecard") String scorecard, @QueryParam("style") String style,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        BadgeStyle s = BadgeStyle.parse(style);
        return BadgeAnswers.answer(badges.svgByName(Refs.ref(kind, namespace, name), scorecard, s), SVG, ifNoneMatch);
    }

    @GET
    @Path("/campaigns/{id}.svg")
    @Produces(SVG)
    public Response campaign(@PathParam("id") String id, @QueryParam("style") String style,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        BadgeStyle s = BadgeStyle.parse(style);
        CampaignSpec spec = campaigns.find(id);
        if (spec == null) {
            return BadgeAnswers.answer(badges.campaign(null, 0, 0, s), SVG, ifNoneMatch);
        }
        var p = progress.of(spec);
        return BadgeAnswers.answer(badges.campaign(spec.title(), p.done(), p.total(), s), SVG, ifNoneMatch);
    }

    @GET
    @Path("/{kind}/{namespace}/{name}/{scorecard}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @PathParam("scorecard") String scorecard,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return BadgeAnswers.answer(badges.jsonByName(Refs.ref(kind, namespace, name), scorecard),
                MediaType.APPLICATION_JSON, ifNoneMatch);
    }

    @GET
    @Path("/id/{id}/{scorecard}.svg")
    @Produces(SVG)
    public Response svgById(@PathParam("id") String id, @PathParam("scorecard") String scorecard,
            @QueryParam("style") String style, @HeaderParam("If-None-Match") String ifNoneMatch) {
        BadgeStyle s = BadgeStyle.parse(style);
        return BadgeAnswers.answer(badges.svgById(id, scorecard, s), SVG, ifNoneMatch);
    }

    @GET
    @Path("/id/{id}/{scorecard}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jsonById(@PathParam("id") String id, @PathParam("scorecard") String scorecard,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return BadgeAnswers.answer(badges.jsonById(id, scorecard), MediaType.APPLICATION_JSON, ifNoneMatch);
    }

    @GET
    @Path("/{kind}/{namespace}/{name}/id")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> id(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name) {
        String id = badges.id(Refs.ref(kind, namespace, name));
        if (id == null) {
            throw CapabilitiesResource.notFound(kind, namespace, name);
        }
        return Map.of("id", id);
    }

    @GET
    @Path("/{kind}/{namespace}/{name}/markdown")
    @Produces("text/markdown")
    public Response markdown(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
            @PathParam("name") String name, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (badges.obfuscated() && oidc.tenantEnabled() && !caller.authenticated()) {
            // the snippet carries the badge ids, which (as GET …/id's role says) only authenticated callers get
            throw new NotAuthorizedException("In obfuscated mode the Markdown snippet, which carries the badge ids,"
                    + " is only given to an authenticated caller", "Bearer");
        }
        // absolute only from configuration, never from the request's Host header; relative without it
        String base = publicUrl.value().filter(u -> !u.isBlank()).orElse("").replaceAll("/+$", "");
        String md = badges.markdown(Refs.ref(kind, namespace, name), base);
        if (md == null) {
            throw CapabilitiesResource.notFound(kind, namespace, name);
        }
        // cached like every badge answer: a strong ETag of the bytes, revalidated on every use
        return BadgeAnswers.answer(Badges.Body.of(true, md), "text/markdown; charset=UTF-8", ifNoneMatch);
    }
}
