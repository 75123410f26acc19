package dev.scorecards.web;

import dev.scorecards.badges.Badges;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.BypassReasons;
import dev.scorecards.facts.Capabilities;
import dev.scorecards.facts.pushed.Feedback;
import dev.scorecards.scoring.query.CapabilityDetail;
import dev.scorecards.scoring.query.CapabilityQueries;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.NextStep;
import dev.scorecards.scoring.results.ScorecardResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One capability's page content: every scorecard with its check states, reasons and next steps, its
 * adoption, consumers and consuming teams, satisfaction ratings and comments, badges and trends.
 */
@ApplicationScoped
public class CapabilityPage {
    private final CapabilityQueries queries;
    private final Capabilities capabilities;
    private final Feedback feedback;
    private final Trends trends;
    private final Badges badges;
    private final WebConfig config;

    @Inject
    CapabilityPage(CapabilityQueries queries, Capabilities capabilities, Feedback feedback, Trends trends,
            Badges badges, WebConfig config) {
        this.queries = queries;
        this.capabilities = capabilities;
        this.feedback = feedback;
        this.trends = trends;
        this.badges = badges;
        this.config = config;
    }

    /** {@code api} is the capability's address in the JSON API. */
    public record Detail(String ref, String title, String kind, String owner, String level, int levelIndex,
            List<Badges.Shown> badges,
            Trends.Trend levelTrend, Trends.Trend consumerTrend, List<Card> cards, Adoption adoption,
            List<Consumer> consumers, int consumersTotal, Satisfaction satisfaction, String evaluatedAt,
            String firstSeenAt, List<String> parts, String api, BypassReasons.Shown bypassReasons) {
    }

    /** One scorecard's result; the ladder's checks are the other scorecards' checks its rungs require. */
    public record Card(String id, String name, String level, String nextLevel, String percentage, List<Check> checks,
            List<Step> nextSteps) {
    }

    /** {@code link} is null unless it is an http(s) address or a section of this page ({@code #…}). */
    public record Check(String id, String name, String description, String level, String state, String reason,
            String remediation, String link) {
    }

    public record Step(String name, String state, String reason, String remediation, String link) {
    }

    public record Adoption(int consumers, List<String> consumingTeams, List<String> producerTeams, int eligibleTeams,
            String rate, List<String> bypasses, String bypassRatio, String firstAdopter) {
    }

    /** A consumer with its teams and what it uses; {@code url} is its own page when it is a capability too. */
    public record Consumer(String ref, String url, List<String> teams, List<String> uses) {
    }

    public record Satisfaction(long n, String mean, String csat, List<Home.Bar> distribution,
            List<Feedback.Comment> comments) {
    }

    /** The page's address for a capability. */
    static String url(EntityRef r) {
        return "/capabilities/" + r.kind() + "/" + r.namespace() + "/" + r.name();
    }

    /** The content for a capability, or null when there is no such capability. */
    public Detail detail(EntityRef r) {
        CapabilityDetail result = queries.get(r);
        if (result == null) {
            return null;
        }
        List<Card> cards = new ArrayList<>();
        for (ScorecardResult card : result.scorecards()) {
            List<Check> checks = new ArrayList<>();
            for (CheckResult c : card.checks()) {
                checks.add(new Check(c.id(), c.name(), orEmpty(c.description()), orEmpty(c.level()), c.state().name(),
                        orEmpty(c.reason()), orEmpty(c.remediation()), link(c.link())));
            }
            List<Step> steps = new ArrayList<>();
            for (NextStep s : card.nextSteps()) {
                steps.add(new Step(s.name(), s.state().name(), orEmpty(s.reason()), orEmpty(s.remediation()),
                        link(s.link())));
            }
            cards.add(new Card(card.id(), card.name(), card.level() == null ? "none" : card.level(), card.nextLevel(),
                    Math.round(card.percentage()) + "%", checks, steps));
        }
        Instant evaluated = result.evaluatedAt();
        List<dev.scorecards.scoring.query.CapabilityQueries.Point> history = trends.history(r);
        return new Detail(r.toString(), result.title() == null ? r.name() : result.title(), result.kind(),
                orEmpty(result.owner()), result.level() == null ? "none" : result.level(), result.levelIndex(),
                badges.shown(r, "-page"),
                trends.level(history, evaluated), trends.consumers(history, evaluated), cards,
                adoption(result.adoption()), consumers(r), (int) result.adoption().consumers(),
                satisfaction(r.toString()), evaluated.toString(), result.firstSeenAt().toString(), result.parts(),
                "/api/scorecards" + url(r), result.bypassReasons());
    }

    private static Adoption adoption(CapabilityDetail.Adoption a) {
        List<String> bypasses = new ArrayList<>();
        for (CapabilityDetail.Bypass b : a.bypasses()) {
            bypasses.add(b.ref() + " (" + b.how() + (b.parts().isEmpty() ? "" : ": uses " + String.join(", ", b.parts()))
                    + ")");
        }
        var first = a.timeToFirstAdopter();
        String firstAdopter = first.days() != null ? first.days() + " days"
                : first.reason() == null ? "not reported" : first.reason();
        return new Adoption((int) a.consumers(), a.consumingTeams(), a.producerTeams(), (int) a.eligibleTeams(),
                Home.percent(a.rate()), bypasses, Home.percent(a.bypassRatio()), firstAdopter);
    }

    private List<Consumer> consumers(EntityRef ref) {
        List<Consumer> out = new ArrayList<>();
        List<CapabilityDetail.Consumer> items = queries.consumers(ref);
        for (CapabilityDetail.Consumer c : items == null ? List.<CapabilityDetail.Consumer>of() : items) {
            if (out.size() >= config.consumersShown()) {
                break;
            }
            out.add(new Consumer(c.ref(), capabilities.isCapability(c.ref()) ? url(EntityRef.parse(c.ref())) : null,
                    c.teams(), c.uses()));
        }
        return out;
    }

    private Satisfaction satisfaction(String ref) {
        Feedback.Summary s = feedback.summary(ref, 10);
        List<Home.Bar> distribution = new ArrayList<>();
        for (int score = 5; score >= 1; score--) {
            long n = s.distribution().getOrDefault(String.valueOf(score), 0L);
            distribution.add(new Home.Bar(score + " ★", n, s.n() == 0 ? 0 : (int) Math.round(n * 100.0 / s.n())));
        }
        return new Satisfaction(s.n(), s.mean() == null ? "–" : String.valueOf(s.mean()),
                s.csat() == null ? "–" : s.csat() + "%", distribution, s.recentComments());
    }

    private static String link(String l) {
        return l != null && (l.startsWith("https://") || l.startsWith("http://") || l.matches("#[A-Za-z][\\w-]*")) ? l : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
