package dev.scorecards.facts.pushed;

import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.Capabilities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Satisfaction ratings of capabilities: 1 to 5 with an optional plain-text comment, one current
 * rating per voter (a new one replaces the old, which is kept), summarised as n, mean, CSAT (share
 * of 4s and 5s) and the distribution.
 */
@ApplicationScoped
public class Feedback {
    public static final int MAX_COMMENT = 1000;

    private final DataSource dataSource;
    private final Capabilities capabilities;
    private final Event<FactsPushed> pushed;

    @Inject
    Feedback(DataSource dataSource, Capabilities capabilities, Event<FactsPushed> pushed) {
        this.dataSource = dataSource;
        this.capabilities = capabilities;
        this.pushed = pushed;
    }

    /** A rating as stored. {@code identifiedBy} says how the voter was known: {@code token} or {@code request}. */
    public record Vote(String entityRef, String voter, String identifiedBy, int score, String comment, Instant at,
            boolean replacedEarlierVote) {
    }

    /** A capability's ratings: current ones only; distribution keys are the scores 1 to 5. */
    public record Summary(String entityRef, long n, Double mean, Double csat, Map<String, Long> distribution,
            List<Comment> recentComments) {
    }

    public record Comment(String voter, int score, String comment, Instant at) {
    }

    @Transactional
    public Vote vote(EntityRef capability, String voter, String identifiedBy, Integer score, String comment) {
        String ref = capability.toString();
        if (!capabilities.isCapability(ref)) {
            throw ServiceError.notFound("No capability " + ref);
        }
        if (voter == null || voter.isBlank() || voter.length() > 200) {
            throw ServiceError.input("The voter is unknown: with OIDC off, give a voter (1-200 characters) in the request");
        }
        if (score == null || score < 1 || score > 5) {
            throw ServiceError.input("score must be a whole number from 1 to 5");
        }
        String text = comment == null ? null : comment.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw ServiceError.input("comment must be at most " + MAX_COMMENT + " characters, got " + text.length());
        }
        if (text != null && text.isEmpty()) {
            text = null;
        }
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Rating rating = new Rating();
        rating.entityRef = ref;
        rating.voter = voter;
        rating.identifiedBy = identifiedBy;
        rating.score = score;
        rating.comment = text;
        rating.at = at;
        // the second of two identical votes sent at once replaces the first instead of colliding with it
        // on facts_feedback_current
        boolean replaced = rating.storeAsCurrent("feedback");
        pushed.fire(new FactsPushed(Set.of(ref)));
        return new Vote(ref, voter, identifiedBy, score, text, at, replaced);
    }

    public Summary summary(String ref, int comments) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int s = 1; s <= 5; s++) {
            distribution.put(String.valueOf(s), 0L);
        }
        query("select score, count(*) from facts_feedback where entity_ref = ? and current group by score",
                List.of(ref), rs -> distribution.put(String.valueOf(rs.getInt(1)), rs.getLong(2)));
        List<Comment> recent = new ArrayList<>();
        query("select voter, score, comment, at from facts_feedback where entity_ref = ? and current and comment"
                + " is not null order by at desc, id desc limit " + comments, List.of(ref),
                rs -> recent.add(new Comment(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())));
        long n = distribution.values().stream().mapToLong(Long::longValue).sum();
        long sum = 0;
        for (var e : distribution.entrySet()) {
            sum += Integer.parseInt(e.getKey()) * e.getValue();
        }
        long happy = distribution.get("4") + distribution.get("5");
        return new Summary(ref, n, n == 0 ? null : round(sum / (double) n, 100),
                n == 0 ? null : round(happy * 100.0 / n, 10), distribution, recent);
    }

    /** A capability's current ratings as facts: how many, and their mean and CSAT (null when nobody rated). */
    public record Satisfaction(long count, Double mean, Double csat) {
        static final Satisfaction NONE = new Satisfaction(0, null, null);
    }

    /** The satisfaction of these capabilities (every one of them, rated or not). */
    public Map<String, Satisfaction> facts(Collection<String> refs) {
        Map<String, Satisfaction> out = new HashMap<>();
        for (String ref : refs) {
            out.put(ref, Satisfaction.NONE);
        }
        if (refs.isEmpty()) {
            return out;
        }
        query("select entity_ref, count(*), avg(score), 100.0 * count(*) filter (where score >= 4) / count(*)"
                + " from facts_feedback where current and entity_ref = any(?) group by entity_ref",
                List.<Object>of((Object) refs.toArray(new String[0])), rs -> out.put(rs.getString(1),
                        new Satisfaction(rs.getLong(2), round(rs.getDouble(3), 100), round(rs.getDouble(4), 10))));
        return out;
    }

    /** CSAT and mean (null when nobody rated) and n over every current rating of every capability. */
    public record Overall(long n, Double csat, Double mean) {
    }

    /** CSAT and n over every current rating of every capability. */
    public Overall overall() {
        Overall[] out = new Overall[1];
        query("select count(*), 100.0 * count(*) filter (where score >= 4) / nullif(count(*), 0), avg(score)"
                + " from facts_feedback where current", List.of(), rs -> out[0] = new Overall(rs.getLong(1),
                        rs.getObject(2) == null ? null : round(rs.getDouble(2), 10),
                        rs.getObject(3) == null ? null : round(rs.getDouble(3), 100)));
        return out[0];
    }

    private static double round(double d, int scale) {
        return Math.round(d * scale) / (double) scale;
    }

    private void query(String sql, List<Object> params, Sql.RowReader reader) {
        Sql.query(dataSource, sql, params, reader);
    }
}
