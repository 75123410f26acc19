package dev.scorecards.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.badges.Badges;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.BypassReasons;
import dev.scorecards.facts.Capabilities;
import dev.scorecards.facts.pushed.Feedback;
import dev.scorecards.scoring.query.CapabilityQueries;
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
    @Inject
    CapabilityQueries queries;
    @Inject
    Capabilities capabilities;
    @Inject
    Feedback feedback;
    @Inject
    BypassReasons bypassReasons;
    @Inject
    Trends trends;
    @Inject
    Badges badges;
    @Inject
    WebConfig config;

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
        String ref = r.toString();
        JsonNode result = queries.get(ref);
        if (result == null) {
            return null;
        }
        List<Card> cards = new ArrayList<>();
        for (JsonNode card : result.path("scorecards")) {
            List<Check> checks = new ArrayList<>();
            for (JsonNode c : card.path("checks")) {
                checks.add(new Check(c.path("id").asText(), c.path("name").asText(), c.path("description").asText(""),
                        text(c.path("level"), ""), c.path("state").asText(), text(c.path("reason"), ""),
                        c.path("remediation").asText(""), link(c.path("link"))));
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : card.path("nextSteps")) {
                steps.add(new Step(s.path("name").asText(), s.path("state").asText(), text(s.path("reason"), ""),
                        s.path("remediation").asText(""), link(s.path("link"))));
            }
            cards.add(new Card(card.path("id").asText(), card.path("name").asText(), text(card.path("level"), "none"),
                    text(card.path("nextLevel"), null), Math.round(card.path("percentage").asDouble()) + "%", checks,
                    steps));
        }
        Instant evaluated = Instant.parse(result.path("evaluatedAt").asText());
        List<CapabilityQueries.Point> history = trends.history(ref);
        return new Detail(ref, result.path("title").asText(r.name()), result.path("kind").asText(),
                text(result.path("owner"), ""), text(result.path("level"), "none"), result.path("levelIndex").asInt(-1),
                badges.shown(ref, "-page"),
                trends.level(history, evaluated), trends.consumers(history, evaluated), cards,
                adoption(result.path("adoption")), consumers(ref), result.path("adoption").path("consumers").asInt(),
                satisfaction(ref), evaluated.toString(), result.path("firstSeenAt").asText(),
                strings(result.path("parts")), "/api/scorecards" + url(r), bypassReasons.shown(ref));
    }

    private static Adoption adoption(JsonNode a) {
        List<String> bypasses = new ArrayList<>();
        for (JsonNode b : a.path("bypasses")) {
            bypasses.add(b.path("ref").asText() + " (" + b.path("how").asText()
                    + (b.path("parts").isEmpty() ? "" : ": uses " + String.join(", ", strings(b.path("parts")))) + ")");
        }
        JsonNode first = a.path("timeToFirstAdopter");
        String firstAdopter = first.path("days").isNumber() ? first.path("days").asText() + " days"
                : text(first.path("reason"), "not reported");
        return new Adoption(a.path("consumers").asInt(), strings(a.path("consumingTeams")),
                strings(a.path("producerTeams")), a.path("eligibleTeams").asInt(), Home.percent(a.path("rate").asDouble()),
                bypasses, Home.percent(a.path("bypassRatio").asDouble()), firstAdopter);
    }

    private List<Consumer> consumers(String ref) {
        List<Consumer> out = new ArrayList<>();
        JsonNode items = queries.consumers(ref);
        for (JsonNode c : items == null ? List.<JsonNode>of() : items) {
            if (out.size() >= config.consumersShown()) {
                break;
            }
            String consumer = c.path("ref").asText();
            out.add(new Consumer(consumer, capabilities.isCapability(consumer) ? url(EntityRef.parse(consumer)) : null,
                    strings(c.path("teams")), strings(c.path("uses"))));
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

    private static String link(JsonNode link) {
        String l = link.isTextual() ? link.asText() : null;
        return l != null && (l.startsWith("https://") || l.startsWith("http://") || l.matches("#[A-Za-z][\\w-]*")) ? l : null;
    }

    private static String text(JsonNode n, String otherwise) {
        return n.isTextual() ? n.asText() : otherwise;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
