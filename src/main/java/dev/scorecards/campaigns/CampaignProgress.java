package dev.scorecards.campaigns;

import dev.scorecards.campaigns.CampaignSpec.Selection;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.Capabilities;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.CurrentResults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A campaign's progress from the stored results at the moment it is read: which capabilities its
 * selection holds (the capability list's own rows), which meet the target, per owning team, and,
 * past the deadline, which missed it (from the history at the end of the deadline day).
 */
@ApplicationScoped
public class CampaignProgress {
    private final CapabilityList list;
    private final CurrentResults results;
    private final Capabilities capabilities;
    private final ScorecardDefinitions definitions;
    private final CampaignHistory history;

    @Inject
    CampaignProgress(CapabilityList list, CurrentResults results, Capabilities capabilities,
            ScorecardDefinitions definitions, CampaignHistory history) {
        this.list = list;
        this.results = results;
        this.capabilities = capabilities;
        this.definitions = definitions;
        this.history = history;
    }

    Clock clock = Clock.systemUTC();

    public record Progress(CampaignSpec campaign, String status, long done, long total, double percentage,
            long daysLeft, List<Team> teams, List<Item> capabilities, List<EntityRef> missed) {
    }

    public record Team(String owner, long done, long total, double percentage) {
    }

    public record Item(EntityRef entityRef, String title, String owner, boolean done, boolean missed, String level,
            List<TargetRule.Step> nextSteps) {
    }

    public Progress of(CampaignSpec c) {
        TargetRule rule = new TargetRule(c.target(), definitions);
        List<CapabilityList.Item> selected = select(c.selection());
        List<EntityRef> refs = refs(selected);
        Map<EntityRef, CurrentResults.Current> current = results.of(refs);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        long daysLeft = ChronoUnit.DAYS.between(today, c.deadline());
        List<EntityRef> missed = List.of();
        if (daysLeft < 0) {
            Instant end = c.deadline().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            missed = history.notDoneAt(rule, refs, end);
        }
        Set<EntityRef> missing = new HashSet<>(missed);
        List<Item> items = new ArrayList<>();
        Map<String, long[]> teams = new TreeMap<>();
        long done = 0;
        for (int i = 0; i < selected.size(); i++) {
            CapabilityList.Item cap = selected.get(i);
            EntityRef ref = refs.get(i);
            CurrentResults.Current r = current.get(ref);
            Map<String, CheckResult> states = r == null ? Map.of() : r.checks();
            boolean ok = rule.done(cap, states);
            done += ok ? 1 : 0;
            long[] t = teams.computeIfAbsent(cap.owner() == null ? "" : cap.owner(), k -> new long[2]);
            t[0] += ok ? 1 : 0;
            t[1]++;
            CapabilityList.Score score = rule.scorecard() == null ? null : cap.cards().get(rule.scorecard());
            items.add(new Item(ref, cap.title(), cap.owner(), ok, missing.contains(ref),
                    score == null ? null : score.level(), ok ? List.of() : rule.nextSteps(states)));
        }
        List<Team> perTeam = new ArrayList<>();
        teams.forEach((owner, t) -> perTeam.add(new Team(owner.isEmpty() ? null : owner, t[0], t[1],
                percentage(t[0], t[1]))));
        long total = selected.size();
        String status = c.start() != null && today.isBefore(c.start()) ? "upcoming"
                : daysLeft < 0 && (!missed.isEmpty() || done < total) ? "missed"
                : total > 0 && done == total ? "completed" : "active";
        return new Progress(c, status, done, total, percentage(done, total), daysLeft, perTeam, items, missed);
    }

    /**
     * The burn-up of the capabilities the selection holds now, from the campaign's start (else the day
     * it was created through the API, else its selection's first recorded result) until now.
     */
    public List<CampaignHistory.Point> history(CampaignSpec c, Instant createdAt) {
        LocalDate start = c.start() != null ? c.start()
                : createdAt == null ? null : createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        return history.burnUp(new TargetRule(c.target(), definitions), refs(select(c.selection())), start,
                clock.instant());
    }

    /** A campaign's progress over given capabilities as the stored history stood just before {@code at}. */
    public record Replayed(long done, long total, double percentage) {
    }

    /** Replays the history (a past platform review reads the same figures whenever it is regenerated). */
    public Replayed at(CampaignSpec c, java.util.Collection<EntityRef> refs, Instant at) {
        long[] dt = history.doneAt(new TargetRule(c.target(), definitions), refs, at);
        return new Replayed(dt[0], dt[1], percentage(dt[0], dt[1]));
    }

    /** The capabilities a selection holds, by ref. */
    List<CapabilityList.Item> select(Selection s) {
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
        List<CapabilityList.Item> out = new ArrayList<>();
        for (CapabilityList.Item i : list.items()) {
            if ((s.owner().isEmpty() || s.owner().contains(i.owner()))
                    && (s.kind().isEmpty() || s.kind().contains(i.kind()))
                    && (s.capabilities().isEmpty() || s.capabilities().contains(i.ref()))
                    && (inside == null || inside.contains(i.ref()))
                    && (s.q() == null || (i.ref() + "\n" + (i.title() == null ? "" : i.title().toLowerCase(
                            java.util.Locale.ROOT))).contains(s.q()))) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<EntityRef> refs(List<CapabilityList.Item> items) {
        return items.stream().map(i -> EntityRef.parse(i.ref())).toList();
    }

    static double percentage(long done, long total) {
        return total == 0 ? 0.0 : Math.round(1000.0 * done / total) / 10.0;
    }
}
