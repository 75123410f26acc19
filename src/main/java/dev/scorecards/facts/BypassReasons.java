package dev.scorecards.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.StoredEntity;
import dev.scorecards.catalog.query.CatalogQueries;
import dev.scorecards.db.Sql;
import dev.scorecards.errors.ServiceError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Why teams go around a capability: one current answer per bypassing team (a reason of
 * {@code facts/bypass-reasons.yaml}, a comment, what they use instead), earlier answers kept; the
 * reasons by count, and the open question for every bypassing team that has not answered.
 */
@ApplicationScoped
public class BypassReasons {
    public static final int MAX_COMMENT = 1000;

    private final DataSource dataSource;
    private final Capabilities capabilities;
    private final CatalogQueries catalog;
    private final Map<String, String> reasons;

    @Inject
    BypassReasons(DataSource dataSource, Capabilities capabilities, CatalogQueries catalog) {
        this.dataSource = dataSource;
        this.capabilities = capabilities;
        this.catalog = catalog;
        this.reasons = BypassReasonList.read();
    }

    /** A reason a team may give, and what it means. */
    public record Reason(String id, String description) {
    }

    /** An answer as stored; {@code identifiedBy} is {@code token} (membership checked) or {@code request}. */
    public record Answer(String entityRef, String team, String reason, String comment, String instead,
            String answeredBy, String identifiedBy, Instant at) {
    }

    /** A stored answer, and whether it replaced the team's earlier one. */
    public record Answered(Answer answer, boolean replacedEarlierAnswer) {
    }

    /** A reason with how many bypassing teams currently give it. */
    public record Count(String reason, String description, long count) {
    }

    /** A bypassing team that has not answered: which of its entities go around, and the question. */
    public record Open(String entityRef, String team, List<String> bypassedBy, String question) {
    }

    /** One capability's reasons: counts over the current answers of teams that still bypass it. */
    public record Summary(String entityRef, List<String> bypassingTeams, long answered, List<Count> reasons,
            List<Answer> answers, List<Open> open, List<Answer> history) {
    }

    /** What a capability's detail and page show: the reasons by count, the answers and the open questions. */
    public record Shown(long answered, List<Count> reasons, List<Answer> answers, List<Open> open) {
    }

    /** The organisation's reasons over every capability (from the stored bypasses). */
    public record Tally(long answered, Map<String, Long> reasons, List<Open> open) {
    }

    /** Every reason, in the file's order. */
    public List<Reason> reasons() {
        return reasons.entrySet().stream().map(e -> new Reason(e.getKey(), e.getValue())).toList();
    }

    /**
     * Stores a team's answer, replacing its earlier one. {@code verified}: the caller signed in as
     * {@code answeredBy}, who must then be a member of the team.
     */
    @Transactional
    public Answered answer(EntityRef capability, String team, String reason, String comment, String instead,
            String answeredBy, boolean verified) {
        String ref = capability.toString();
        CapabilityFacts facts = capabilities.facts(ref);
        if (facts == null) {
            throw ServiceError.notFound("No capability " + ref);
        }
        String teamRef = ref("team", team, "group");
        if (!facts.bypassingTeams().contains(teamRef)) {
            throw ServiceError.input("team: " + teamRef + " does not go around " + ref + (facts.bypassingTeams().isEmpty()
                    ? "; nobody does" : "; the teams that do: " + String.join(", ", facts.bypassingTeams())));
        }
        if (reason == null || !reasons.containsKey(reason)) {
            throw ServiceError.input("reason must be one of " + String.join(", ", reasons.keySet()) + ", got "
                    + (reason == null ? "nothing" : "'" + reason + "'"));
        }
        String text = comment == null ? null : comment.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw ServiceError.input("comment must be at most " + MAX_COMMENT + " characters, got " + text.length());
        }
        String insteadRef = instead == null || instead.isBlank() ? null : ref("instead", instead, null);
        if (answeredBy != null && answeredBy.length() > 200) {
            throw ServiceError.input("answeredBy must be at most 200 characters");
        }
        if (verified && !isMember(answeredBy, teamRef)) {
            throw ServiceError.notAllowed(answeredBy + " is not a member of " + teamRef + " in the catalog: only a member of a"
                    + " bypassing team may answer for it");
        }
        Stored stored = store(ref, teamRef, reason, text == null || text.isEmpty() ? null : text, insteadRef, answeredBy,
                verified ? "token" : "request");
        BypassAnswer a = stored.answer();
        return new Answered(new Answer(ref, teamRef, reason, a.comment, insteadRef, answeredBy, a.identifiedBy, a.at),
                stored.replaced());
    }

    /**
     * The one write of an answer: under a lock per capability and team (so two answers at once cannot both
     * be current), the team's current answer is kept as history and this one becomes current.
     */
    private record Stored(BypassAnswer answer, boolean replaced) {
    }

    private Stored store(String ref, String teamRef, String reason, String comment, String instead,
            String answeredBy, String identifiedBy) {
        BypassAnswer a = new BypassAnswer();
        a.entityRef = ref;
        a.teamRef = teamRef;
        a.reason = reason;
        a.comment = comment;
        a.instead = instead;
        a.answeredBy = answeredBy;
        a.identifiedBy = identifiedBy;
        a.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Stored(a, a.storeAsCurrent("bypass"));
    }

    /**
     * Stores an example answer as it is (the example catalog's own, on its first start): the reason must
     * be one of the list; whether the team bypasses the capability is seen when the answers are read.
     */
    @Transactional
    public void seed(String ref, String team, String reason, String comment, String instead, String answeredBy) {
        if (!reasons.containsKey(reason)) {
            throw new IllegalArgumentException("reason must be one of " + String.join(", ", reasons.keySet()));
        }
        store(ref("entityRef", ref, null), ref("team", team, "group"), reason, comment,
                instead == null ? null : ref("instead", instead, null), answeredBy, "request");
    }

    /** A capability's reasons, or null when it is not a capability. */
    public Summary summary(String ref, int history) {
        CapabilityFacts facts = capabilities.facts(ref);
        if (facts == null) {
            return null;
        }
        List<Answer> current = answers("where entity_ref = ? and current order by team_ref", List.of(ref));
        List<Answer> counted = current.stream().filter(a -> facts.bypassingTeams().contains(a.team())).toList();
        List<Answer> past = history == 0 ? List.of()
                : answers("where entity_ref = ? order by at desc, id desc limit " + history, List.of(ref));
        Set<String> answered = new TreeSet<>();
        counted.forEach(a -> answered.add(a.team()));
        return new Summary(ref, facts.bypassingTeams(), counted.size(), counts(counted), counted,
                open(ref, facts.bypasses(), answered), past);
    }

    /** {@link #summary} without its history; nothing answered nor open when it is no capability (any more). */
    public Shown shown(String ref) {
        Summary s = summary(ref, 0);
        return s == null ? new Shown(0, counts(List.of()), List.of(), List.of())
                : new Shown(s.answered(), s.reasons(), s.answers(), s.open());
    }

    /**
     * The organisation's reasons: {@code bypasses} gives every capability someone goes around and its
     * bypasses; an answer counts while its team still bypasses the capability.
     */
    public Tally tally(Map<String, List<CapabilityFacts.Bypass>> bypasses) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        reasons.keySet().forEach(r -> byReason.put(r, 0L));
        List<Open> open = new ArrayList<>();
        if (bypasses.isEmpty()) {
            return new Tally(0, byReason, open);
        }
        Map<String, Set<String>> answered = new HashMap<>();
        long n = 0;
        for (Answer a : answers("where current and entity_ref = any(?) order by entity_ref, team_ref",
                List.of((Object) bypasses.keySet().toArray(new String[0])))) {
            boolean stillBypasses = bypasses.get(a.entityRef()).stream().anyMatch(b -> b.teams().contains(a.team()));
            if (stillBypasses && byReason.containsKey(a.reason())) {
                byReason.merge(a.reason(), 1L, Long::sum);
                answered.computeIfAbsent(a.entityRef(), k -> new TreeSet<>()).add(a.team());
                n++;
            }
        }
        for (var e : new TreeMap<>(bypasses).entrySet()) {
            open.addAll(open(e.getKey(), e.getValue(), answered.getOrDefault(e.getKey(), Set.of())));
        }
        return new Tally(n, byReason, open);
    }

    /** Changes whenever an answer is stored (on any replica), for caches of what shows the reasons. */
    public long version() {
        long[] v = new long[1];
        Sql.query(dataSource, "select coalesce(max(id), 0) from facts_bypass_reason", List.of(), rs -> v[0] = rs.getLong(1));
        return v[0];
    }

    private List<Count> counts(Collection<Answer> answers) {
        List<Count> out = new ArrayList<>();
        reasons.forEach((id, description) -> out.add(new Count(id, description,
                answers.stream().filter(a -> a.reason().equals(id)).count())));
        return out;
    }

    private static List<Open> open(String ref, List<CapabilityFacts.Bypass> bypasses, Set<String> answered) {
        Map<String, Set<String>> byTeam = new TreeMap<>();
        for (CapabilityFacts.Bypass b : bypasses) {
            for (String team : b.teams()) {
                byTeam.computeIfAbsent(team, k -> new TreeSet<>()).add(b.ref());
            }
        }
        List<Open> out = new ArrayList<>();
        EntityRef r = EntityRef.parse(ref);
        String at = "/api/scorecards/capabilities/" + r.kind() + "/" + r.namespace() + "/" + r.name() + "/bypass-reasons";
        byTeam.forEach((team, entities) -> {
            if (!answered.contains(team)) {
                out.add(new Open(ref, team, List.copyOf(entities), "Why does " + team + " go around " + ref + " ("
                        + String.join(", ", entities) + ")? Answer with POST " + at));
            }
        });
        return out;
    }

    /** Whether the signed-in {@code name} is a member of the team: a User of that name, or with that e-mail. */
    private boolean isMember(String name, String teamRef) {
        if (name == null) {
            return false;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (String member : capabilities.members(teamRef)) {
            if (member.substring(member.indexOf('/') + 1).equals(wanted)) {
                return true;
            }
            StoredEntity user = catalog.byRef(EntityRef.parse(member));
            if (user != null && wanted.equals(email(user).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String email(StoredEntity user) {
        try {
            return new ObjectMapper().readTree(user.json()).path("spec").path("profile").path("email").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String ref(String field, String value, String defaultKind) {
        if (value == null || value.isBlank()) {
            throw ServiceError.input(field + " is required: an entity ref such as group:default/growth");
        }
        try {
            return EntityRef.parse(value.trim(), defaultKind, EntityRef.DEFAULT_NAMESPACE).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ServiceError.input(field + ": '" + value + "' is not an entity ref (kind:namespace/name)");
        }
    }

    private List<Answer> answers(String where, List<Object> params) {
        List<Answer> out = new ArrayList<>();
        Sql.query(dataSource, "select entity_ref, team_ref, reason, comment, instead, answered_by, identified_by, at"
                + " from facts_bypass_reason " + where, params, rs -> out.add(new Answer(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant())));
        return out;
    }
}
