package dev.scorecards.catalog.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scorecards.catalog.CatalogConfig;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Whole answers of catalog list reads ({@code by-query}, {@code entity-facets}), as served, keyed by
 * their request and served only at the catalog version they were computed at: every catalog write
 * that changes something moves {@code catalog_state.version} on in its transaction (any replica), and
 * each read asks for the version first (one primary-key read) — the version is read before an answer
 * is computed, so an answer computed while a change commits is never served after that change.
 */
@ApplicationScoped
public class AnswerCache {
    private record Entry(long version, String answer) {
    }

    private final DataSource dataSource;
    private final Cache<String, Entry> cache;

    AnswerCache(DataSource dataSource, CatalogConfig config) {
        this.dataSource = dataSource;
        cache = Caffeine.newBuilder().maximumWeight(config.answerCacheChars())
                .weigher((String key, Entry e) -> key.length() + e.answer().length()).build();
    }

    /** The answer to {@code key} at the current catalog version, computing (and keeping) it when there is none. */
    public String get(String key, Supplier<String> compute) {
        long v = version();
        Entry e = cache.getIfPresent(key);
        if (e != null && e.version() == v) {
            return e.answer();
        }
        String answer = compute.get();
        cache.put(key, new Entry(v, answer));
        return answer;
    }

    private long version() {
        long[] v = {-1};
        Sql.query(dataSource, "select version from catalog_state where id = 1", List.of(), rs -> v[0] = rs.getLong(1));
        return v[0];
    }
}
