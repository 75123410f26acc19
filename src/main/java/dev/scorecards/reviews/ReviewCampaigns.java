package dev.scorecards.reviews;

import dev.scorecards.campaigns.CampaignProgress;
import dev.scorecards.campaigns.CampaignSpec;
import dev.scorecards.campaigns.Campaigns;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.Capabilities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The campaigns running during a period with their progress at its end: the selection applied to the
 * capabilities recorded then (a domain or system by its parts today), the target judged on the history.
 */
@ApplicationScoped
public class ReviewCampaigns {
    private final Campaigns campaigns;
    private final CampaignProgress progress;
    private final Capabilities capabilities;

    @Inject
    ReviewCampaigns(Campaigns campaigns, CampaignProgress progress, Capabilities capabilities) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.capabilities = capabilities;
    }

    /** Those of {@code scope} (the review's capabilities at the end) each campaign running in the period selects. */
    List<Review.CampaignProgress> of(Map<String, Snapshot> scope, Period period, boolean team) {
        List<Review.CampaignProgress> out = new ArrayList<>();
        for (CampaignSpec c : campaigns.list()) {
            Instant created = campaigns.createdAt(c.id());
            LocalDate from = c.start() != null ? c.start()
                    : created == null ? null : created.atZone(ZoneOffset.UTC).toLocalDate();
            if ((from != null && from.isAfter(period.last())) || c.deadline().isBefore(period.start())) {
                continue;
            }
            List<EntityRef> refs = selected(c.selection(), scope);
            if (team && refs.isEmpty()) {
                continue;
            }
            CampaignProgress.Replayed r = progress.at(c, refs, period.end());
            String status = from != null && from.isAfter(period.last()) ? "upcoming"
                    : r.total() > 0 && r.done() == r.total() ? "completed"
                    : c.deadline().isBefore(period.last()) ? "missed" : "active";
            out.add(new Review.CampaignProgress(c.id(), c.title(), c.deadline().toString(), status, r.done(),
                    r.total(), r.percentage()));
        }
        return out;
    }

    private List<EntityRef> selected(CampaignSpec.Selection s, Map<String, Snapshot> scope) {
        Set<String> inside = null;
        if (!s.domain().isEmpty() || !s.system().isEmpty()) {
            inside = new HashSet<>();
            for (String ref : s.domain()) {
                inside.addAll(capabilities.parts(ref));
            }
            for (String ref : s.system()) {
                inside.addAll(capabilities.parts(ref));
            }
        }
        List<EntityRef> out = new ArrayList<>();
        for (Snapshot cap : scope.values()) {
            String title = cap.title() == null ? "" : cap.title().toLowerCase(Locale.ROOT);
            if ((s.owner().isEmpty() || s.owner().contains(cap.owner()))
                    && (s.kind().isEmpty() || s.kind().contains(EntityRef.parse(cap.ref()).kind()))
                    && (s.capabilities().isEmpty() || s.capabilities().contains(cap.ref()))
                    && (inside == null || inside.contains(cap.ref()))
                    && (s.q() == null || (cap.ref() + "\n" + title).contains(s.q()))) {
                out.add(EntityRef.parse(cap.ref()));
            }
        }
        return out;
    }
}
