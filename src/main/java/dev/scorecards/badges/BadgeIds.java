package dev.scorecards.badges;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scorecards.catalog.model.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

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

    private final Cache<String, String> refs = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** The entity's id, created on first request (concurrent first requests on any replica agree). */
    @Transactional
    public String idFor(EntityRef ref) {
        String id = stored(ref.toString());
        return id != null ? id : mint(ref.toString());
    }

    private static String stored(String ref) {
        return BadgeId.<BadgeId>find("entityRef", ref).firstResultOptional().map(b -> b.id).orElse(null);
    }

    private String mint(String ref) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // an upsert, not persist(): a request minting the same entity's id at the same moment wins or waits
        BadgeId.getEntityManager().createNativeQuery("insert into badge_ids (id, entity_ref) values (?1, ?2)"
                + " on conflict (entity_ref) do nothing").setParameter(1, fresh).setParameter(2, ref).executeUpdate();
        String id = stored(ref);
        refs.invalidate(id);
        return id;
    }

    /** The entity an id stands for, or null. */
    @Transactional
    public EntityRef refFor(String id) {
        if (!wellFormed(id)) {
            return null;
        }
        String ref = refs.get(id, key -> {
            BadgeId found = BadgeId.findById(key);
            return found == null ? NONE : found.entityRef;
        });
        return ref.equals(NONE) ? null : EntityRef.parse(ref);
    }

    /** Whether a string has the shape of the ids given here. */
    static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
