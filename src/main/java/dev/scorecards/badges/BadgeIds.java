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
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The opaque badge id of each entity (table {@code badge_ids}): 128 random bits, given once and kept,
 * so a public badge URL need not name the entity. Ids found (and ids of the right shape not found) are
 * remembered for a while, as badge proxies ask for the same few again and again; a string that cannot be
 * an id is answered without asking the database.
 */
@ApplicationScoped
public class BadgeIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 16 bytes in unpadded base64url: 22 characters, the last carrying only 2 bits. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{21}[AQgw]");
    /** What a cached id stands for when it stands for nothing (an unguessable id is not minted later by chance). */
    private static final String NONE = "";

    @Inject
    DataSource dataSource;

    private final Cache<String, String> refs = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** The entity's id, created on first request (concurrent first requests on any replica agree). */
    public String idFor(String ref) {
        String id = stored(ref);
        return id != null ? id : mint(ref);
    }

    private String stored(String ref) {
        String[] id = new String[1];
        Sql.query(dataSource, "select id from badge_ids where entity_ref = ?", List.of(ref), rs -> id[0] = rs.getString(1));
        return id[0];
    }

    private String mint(String ref) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Sql.update(dataSource, "insert into badge_ids (id, entity_ref) values (?, ?) on conflict (entity_ref) do nothing",
                List.of(fresh, ref));
        String id = stored(ref);
        refs.invalidate(id);
        return id;
    }

    /** The entity an id stands for, or null. */
    public String refFor(String id) {
        if (!wellFormed(id)) {
            return null;
        }
        String ref = refs.get(id, key -> {
            String[] found = {NONE};
            Sql.query(dataSource, "select entity_ref from badge_ids where id = ?", List.of(key),
                    rs -> found[0] = rs.getString(1));
            return found[0];
        });
        return ref.equals(NONE) ? null : ref;
    }

    /** Whether a string has the shape of the ids given here. */
    static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
