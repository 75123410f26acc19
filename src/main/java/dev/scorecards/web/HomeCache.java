package dev.scorecards.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scorecards.campaigns.Campaigns;
import dev.scorecards.facts.graph.TeamInteractions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityListQuery;
import dev.scorecards.scoring.results.ResultStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The home page as served, per list query and page number, served again while nothing it shows has
 * changed. What it shows is read from: the stored results (their version, in the database: a change on
 * another replica is seen within a second, one here at once; it covers the list, badges, trends, the
 * summary's figures, ratings and the campaigns' progress), the team graph (its version; titles and
 * bottlenecks), the campaigns stored through the API (their version, in the database), today's date
 * (campaign status), and the evaluation times of the page's rows (evaluation moves no version; read
 * again on every request, one query). Versions are read before a page is made, so a page made while a
 * change commits is never served after it.
 */
@ApplicationScoped
public class HomeCache {
    /** What a page was made from, and the page. */
    private record Kept(String version, List<String> refs, Map<String, Instant> evaluatedAt, byte[] html) {
    }

    /** A page, the capabilities in its rows and when each was evaluated (if ever), as made on a miss. */
    public record Made(String html, List<String> refs, Map<String, Instant> evaluatedAt) {
    }

    private record Key(CapabilityListQuery query, int number) {
    }

    private final ResultStore results;
    private final TeamInteractions teams;
    private final Campaigns campaigns;
    private final CapabilityList list;
    private final WebConfig config;

    private Cache<Key, Kept> cache;

    @Inject
    HomeCache(ResultStore results, TeamInteractions teams, Campaigns campaigns, CapabilityList list, WebConfig config) {
        this.results = results;
        this.teams = teams;
        this.campaigns = campaigns;
        this.list = list;
        this.config = config;
    }

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumWeight(config.pageCacheBytes())
                .weigher((Key k, Kept e) -> e.html().length + 200).build();
    }

    /**
     * The page for this query and number, as UTF-8: the one kept when nothing it shows has changed, else
     * {@code make}'s (kept encoded, so that a page served again costs no encoding).
     */
    public byte[] page(CapabilityListQuery query, int number, Supplier<Made> make) {
        String version = results.version() + ":" + teams.compute().version() + ":" + campaigns.version() + ":"
                + LocalDate.now(ZoneOffset.UTC);
        Key key = new Key(query, number);
        Kept kept = cache.getIfPresent(key);
        if (kept != null && kept.version().equals(version)
                && kept.evaluatedAt().equals(list.evaluatedAt(kept.refs()))) {
            return kept.html();
        }
        Made made = make.get();
        byte[] html = made.html().getBytes(StandardCharsets.UTF_8);
        cache.put(key, new Kept(version, List.copyOf(made.refs()), Map.copyOf(made.evaluatedAt()), html));
        return html;
    }
}
