package dev.scorecards.badges;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scorecards.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;

/**
 * The opaque badge id of each entity (table {@code badge_ids}): 128 random bits, given once and kept,
 * so a public badge URL need not name the entity. Ids found are remembered for a while, as badge
 * proxies ask for the same few again and again.
 */
@ApplicationScoped
public class BadgeIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource dataSource;

    private final Cache<String, String> refs = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** The entity's id, created on first request (concurrent first requests on any replica agree). */
    public String idFor(String ref) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Sql.update(dataSource, "insert into badge_ids (id, entity_ref) values (?, ?) on conflict (entity_ref) do nothing",
                List.of(fresh, ref));
        String[] id = new String[1];
        Sql.query(dataSource, "select id from badge_ids where entity_ref = ?", List.of(ref), rs -> id[0] = rs.getString(1));
        return id[0];
    }

    /** The entity an id stands for, or null. */
    public String refFor(String id) {
        String ref = refs.getIfPresent(id);
        if (ref == null) {
            String[] found = new String[1];
            Sql.query(dataSource, "select entity_ref from badge_ids where id = ?", List.of(id),
                    rs -> found[0] = rs.getString(1));
            ref = found[0];
            if (ref != null) {
                refs.put(id, ref);
            }
        }
        return ref;
    }
}
