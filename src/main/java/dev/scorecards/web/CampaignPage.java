package dev.scorecards.web;

import dev.scorecards.campaigns.CampaignHistory;
import dev.scorecards.campaigns.CampaignProgress;
import dev.scorecards.campaigns.CampaignSpec;
import dev.scorecards.campaigns.Campaigns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the campaign pages show: the list on the home page, and one campaign's progress and burn-up. */
@ApplicationScoped
public class CampaignPage {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 60;

    private final Campaigns campaigns;
    private final CampaignProgress progress;

    @Inject
    CampaignPage(Campaigns campaigns, CampaignProgress progress) {
        this.campaigns = campaigns;
        this.progress = progress;
    }

    /** One campaign in the home page's list. */
    public record Row(String id, String title, String url, String target, String deadline, String status, long done,
            long total, double percentage, String badge) {
    }

    public record Detail(Row row, CampaignSpec campaign, CampaignProgress.Progress progress, Sparkline burnUp,
            String burnUpLabel) {
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (CampaignSpec c : campaigns.list()) {
            out.add(row(c, progress.of(c)));
        }
        return out;
    }

    /** The campaign's page, or null when there is no such campaign. */
    public Detail detail(String id) {
        CampaignSpec c = campaigns.find(id);
        if (c == null) {
            return null;
        }
        CampaignProgress.Progress p = progress.of(c);
        List<CampaignHistory.Point> points = progress.history(c, campaigns.createdAt(id));
        List<Sparkline.Point> line = new ArrayList<>();
        for (CampaignHistory.Point pt : points) {
            line.add(new Sparkline.Point(pt.at(), pt.percentage()));
        }
        Instant end = points.isEmpty() ? Instant.now() : points.get(points.size() - 1).at();
        Sparkline spark = Sparkline.of(line, end, 0, 100, WIDTH, HEIGHT);
        String label = points.isEmpty() ? "No history yet" : "From " + points.get(0).done() + "/"
                + points.get(0).total() + " on " + points.get(0).at().toString().substring(0, 10) + " to " + p.done()
                + "/" + p.total() + " now";
        return new Detail(row(c, p), c, p, spark, label);
    }

    private static Row row(CampaignSpec c, CampaignProgress.Progress p) {
        String target = c.target().checks().isEmpty()
                ? (c.target().scorecard() == null ? "ladder" : c.target().scorecard()) + " ≥ " + c.target().level()
                : "checks " + String.join(", ", c.target().checks());
        return new Row(c.id(), c.title(), "/campaigns/" + c.id(), target, c.deadline().toString(), p.status(), p.done(),
                p.total(), p.percentage(), "/api/scorecards/badges/campaigns/" + c.id() + ".svg");
    }
}
