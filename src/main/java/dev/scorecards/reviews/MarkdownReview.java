package dev.scorecards.reviews;

import dev.scorecards.reviews.Review.AdoptionItem;
import dev.scorecards.reviews.Review.Bottleneck;
import dev.scorecards.reviews.Review.BypassItem;
import dev.scorecards.reviews.Review.CampaignProgress;
import dev.scorecards.reviews.Review.LowRating;
import dev.scorecards.reviews.Review.Rung;
import dev.scorecards.reviews.Review.Step;
import dev.scorecards.reviews.Review.SupportItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A review as Markdown (GitHub-flavoured tables), for a wiki page or a pull request. */
public final class MarkdownReview {
    /** Its media type (RFC 7763). */
    public static final String TYPE = "text/markdown";

    private MarkdownReview() {
    }

    public static String render(Review r) {
        StringBuilder md = new StringBuilder();
        Review.PeriodInfo p = r.period();
        md.append("# ").append(r.title()).append("\n\n");
        md.append("Period: ").append(p.kind()).append(' ').append(p.label()).append(" (").append(p.start())
                .append(" to ").append(p.end()).append(", UTC); changes against ").append(p.previousStart())
                .append(" to ").append(p.previousEnd()).append(".\n");
        var c = r.capabilities();
        md.append("\n## Capabilities and their rungs\n\n").append(c.count()).append(" capabilities: ")
                .append(c.up()).append(" up, ").append(c.down()).append(" down, ").append(c.added()).append(" new, ")
                .append(c.removed().size()).append(" removed.\n\n");
        md.append(c.levels().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" · "))).append("\n\n");
        table(md, List.of("Capability", "Owner", "Rung", "Previous", "Change"), c.items(), (Rung i) -> List.of(
                i.entityRef(), text(i.owner()), text(i.level()), text(i.previousLevel()), i.change()));
        if (!c.removed().isEmpty()) {
            md.append("\nRemoved: ").append(String.join(", ", c.removed())).append('\n');
        }
        var a = r.adoption();
        md.append("\n## Adoption\n\n").append(a.consumers()).append(" consumers (previous period ")
                .append(a.previousConsumers()).append("); median adoption rate ").append(text(a.medianRate()))
                .append(" (previous ").append(text(a.previousMedianRate())).append("); ").append(a.growing())
                .append(" growing, ").append(a.falling()).append(" falling.\n\n");
        table(md, List.of("Capability", "Consumers", "Previous", "Teams", "Rate", "Trend"), a.items(),
                (AdoptionItem i) -> List.of(i.entityRef(), String.valueOf(i.consumers()), text(i.previousConsumers()),
                        String.valueOf(i.consumingTeams()), text(i.rate()), i.trend()));
        var t = r.timeToFirstAdopter();
        md.append("\n## Time to first adopter\n\nMedian ").append(days(t.medianDays())).append(", p90 ")
                .append(days(t.p90Days())).append(" (n ").append(t.n()).append(", not reported ")
                .append(t.notReported()).append(").\n");
        var s = r.satisfaction();
        md.append("\n## Satisfaction\n\nCSAT ").append(s.csat() == null ? "none" : s.csat() + " %").append(" (n ")
                .append(s.n()).append(", mean ").append(text(s.mean())).append(").\n");
        if (!s.lowRatings().isEmpty()) {
            md.append("\nLow ratings in the period:\n\n");
            table(md, List.of("Capability", "Score", "Comment", "At"), s.lowRatings(), (LowRating l) -> List.of(
                    l.entityRef(), String.valueOf(l.score()), l.comment(), l.at()));
        }
        var b = r.bypasses();
        md.append("\n## Bypasses\n\n").append(b.count()).append(" bypasses of ").append(b.capabilities())
                .append(" capabilities.\n");
        if (!b.items().isEmpty()) {
            md.append('\n');
            table(md, List.of("Capability", "Bypasses", "Teams", "Reasons", "Not answered"), b.items(),
                    (BypassItem i) -> List.of(i.entityRef(), String.valueOf(i.count()), String.join(", ", i.teams()),
                            reasons(i.reasons()), i.unanswered().isEmpty() ? "–" : String.join(", ", i.unanswered())));
            List<String[]> answers = new ArrayList<>();
            b.items().forEach(i -> i.answers().forEach(x -> answers.add(new String[] {i.entityRef(), x.team(),
                    x.reason(), x.comment() == null ? "" : x.comment(), x.instead() == null ? "–" : x.instead()})));
            if (!answers.isEmpty()) {
                md.append("\nWhat the bypassing teams said:\n\n");
                table(md, List.of("Capability", "Team", "Reason", "Comment", "Instead"), answers, java.util.Arrays::asList);
            }
        }
        var l = r.supportLoad();
        md.append("\n## Support load\n\n").append(text(l.total())).append(" tickets and incidents in the trend window"
                + " (facts supportLoad and supportLoadPerTeam, from the pushed support.tickets and support.incidents).\n");
        if (!l.items().isEmpty()) {
            md.append('\n');
            table(md, List.of("Capability", "Tickets and incidents", "Consuming teams", "Per consuming team"),
                    l.items(), (SupportItem i) -> List.of(i.entityRef(), text(i.supportLoad()),
                            String.valueOf(i.consumingTeams()), text(i.supportLoadPerTeam())));
        }
        md.append("\n## Bottleneck teams\n\n");
        if (r.bottlenecks().isEmpty()) {
            md.append("None.\n");
        } else {
            table(md, List.of("Team", "Share of paths", "Fan-in", "Fan-out"), r.bottlenecks(), (Bottleneck x) ->
                    List.of(x.team(), text(x.share()), String.valueOf(x.fanIn()), String.valueOf(x.fanOut())));
        }
        md.append("\n## Campaigns\n\n");
        if (r.campaigns().isEmpty()) {
            md.append("None in this period.\n");
        } else {
            table(md, List.of("Campaign", "Deadline", "Status", "Done", "Total", "Percent"), r.campaigns(),
                    (CampaignProgress x) -> List.of(x.title() + " (" + x.id() + ")", x.deadline(), x.status(),
                            String.valueOf(x.done()), String.valueOf(x.total()), text(x.percentage())));
        }
        md.append("\n## Next steps with the most effect\n\n");
        if (r.nextSteps().isEmpty()) {
            md.append("None: every capability holds the top rung.\n");
        }
        int n = 1;
        for (Step x : r.nextSteps()) {
            md.append(n++).append(". **").append(cell(x.name())).append("** (`").append(x.checkId()).append("`): ")
                    .append(x.capabilities()).append(" capabilities wait on it, ").append(x.wouldClimb())
                    .append(" on it alone. ").append(cell(x.remediation()))
                    .append(x.link() == null ? "" : " [More](" + x.link() + ")").append('\n');
        }
        return md.toString();
    }

    private interface Row<T> {
        List<String> cells(T item);
    }

    private static <T> void table(StringBuilder md, List<String> head, List<T> items, Row<T> row) {
        md.append("| ").append(String.join(" | ", head)).append(" |\n|");
        head.forEach(h -> md.append("---|"));
        md.append('\n');
        for (T item : items) {
            md.append("| ").append(row.cells(item).stream().map(MarkdownReview::cell).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
    }

    private static String reasons(Map<String, Long> reasons) {
        return reasons.isEmpty() ? "none recorded" : reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One table cell or inline text: no line breaks, pipes and Markdown's own characters escaped. */
    static String cell(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\|*_`\\[\\]<>#])", "\\\\$1");
    }

    private static String text(Object o) {
        return o == null ? "–" : String.valueOf(o);
    }

    private static String days(Double d) {
        return d == null ? "none" : d + " days";
    }
}
