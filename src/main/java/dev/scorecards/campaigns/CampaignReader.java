package dev.scorecards.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scorecards.campaigns.CampaignSpec.Selection;
import dev.scorecards.campaigns.CampaignSpec.Target;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a campaign definition (a JSON body or a YAML document) against the scorecard definitions;
 * every problem is a 400 naming the document ({@code where}) and the field.
 */
final class CampaignReader {
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Set<String> FIELDS = Set.of("id", "title", "description", "owner", "target", "selection",
            "start", "deadline");
    private static final Set<String> TARGET = Set.of("scorecard", "level", "checks");
    private static final Set<String> SELECTION = Set.of("owner", "kind", "domain", "system", "q", "capabilities");

    private final ScorecardDefinitions definitions;
    private final String where;

    CampaignReader(ScorecardDefinitions definitions, String where) {
        this.definitions = definitions;
        this.where = where;
    }

    CampaignSpec read(JsonNode doc, String file) {
        if (doc == null || !doc.isObject()) {
            throw bad("", "must be an object");
        }
        known(doc, FIELDS, "");
        String id = text(doc, "id", true);
        if (!ID.matcher(id).matches()) {
            throw bad("id", "'" + id + "' must be 1-63 lower-case letters, digits and '-', starting with a letter or digit");
        }
        String title = text(doc, "title", true);
        String description = text(doc, "description", false);
        String owner = text(doc, "owner", false);
        owner = owner == null ? null : ref(owner, "group", "owner");
        Target target = target(doc.get("target"));
        Selection selection = selection(doc.get("selection"));
        LocalDate start = date(doc, "start", false);
        LocalDate deadline = date(doc, "deadline", true);
        if (start != null && start.isAfter(deadline)) {
            throw bad("start", start + " is after the deadline " + deadline);
        }
        return new CampaignSpec(id, title, description, owner, target, selection, start, deadline, file);
    }

    private Target target(JsonNode t) {
        if (t == null || !t.isObject()) {
            throw bad("target", "must be an object: {scorecard, level}, {level} (the ladder) or {checks: [...]}");
        }
        known(t, TARGET, "target.");
        if (t.has("checks")) {
            if (t.has("level") || t.has("scorecard")) {
                throw bad("target", "names either checks or a level, not both");
            }
            List<String> checks = strings(t.get("checks"), "target.checks");
            if (checks.isEmpty()) {
                throw bad("target.checks", "must name at least one check");
            }
            for (String c : checks) {
                if (definitions.check(c) == null) {
                    throw bad("target.checks", "unknown check '" + c + "' (check ids are <scorecard>.<check>)");
                }
            }
            return new Target(null, null, List.copyOf(new TreeSet<>(checks)));
        }
        String scorecard = text(t, "scorecard", false);
        Scorecard card = scorecard == null ? definitions.ladder() : definitions.get(scorecard);
        if (card == null) {
            throw bad("target.scorecard", "unknown scorecard '" + scorecard + "'");
        }
        String level = text(t, "level", true);
        for (int i = 0; i < card.levels().size(); i++) {
            if (card.levels().get(i).equalsIgnoreCase(level)) {
                return new Target(card.ladder() ? null : card.id(), card.levels().get(i), List.of());
            }
        }
        throw bad("target.level", "'" + level + "' is not a level of " + card.id() + ": one of " + card.levels());
    }

    private Selection selection(JsonNode s) {
        if (s == null || s.isNull()) {
            return new Selection(List.of(), List.of(), List.of(), List.of(), null, List.of());
        }
        if (!s.isObject()) {
            throw bad("selection", "must be an object");
        }
        known(s, SELECTION, "selection.");
        List<String> kinds = strings(s.get("kind"), "selection.kind").stream().map(k -> k.toLowerCase(Locale.ROOT))
                .toList();
        String q = text(s, "q", false);
        return new Selection(refs(s, "owner", "group"), kinds, refs(s, "domain", "domain"), refs(s, "system", "system"),
                q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT), refs(s, "capabilities", null));
    }

    private List<String> refs(JsonNode s, String field, String defaultKind) {
        List<String> out = new ArrayList<>();
        for (String r : strings(s.get(field), "selection." + field)) {
            out.add(ref(r, defaultKind, "selection." + field));
        }
        return out;
    }

    private String ref(String value, String defaultKind, String field) {
        try {
            return EntityRef.parse(value.trim(), defaultKind, EntityRef.DEFAULT_NAMESPACE).toString();
        } catch (IllegalArgumentException e) {
            throw bad(field, "'" + value + "' is not an entity ref: " + e.getMessage());
        }
    }

    /** A string or a list of strings, as a list (empty when absent). */
    private List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        for (JsonNode v : n.isArray() ? n : List.of(n)) {
            if (!v.isTextual() || v.asText().isBlank()) {
                throw bad(field, "must be a non-empty string or a list of them");
            }
            out.add(clean(v.asText(), field));
        }
        return out;
    }

    private String text(JsonNode doc, String field, boolean required) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw bad(doc == null ? field : field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw bad(field, "must be a non-empty string");
        }
        return clean(v.asText(), field);
    }

    private LocalDate date(JsonNode doc, String field, boolean required) {
        String text = text(doc, field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw bad(field, "'" + text + "' must be a date such as 2027-03-31");
        }
    }

    private String clean(String text, String field) {
        if (text.indexOf('\0') >= 0) {
            throw bad(field, "must not contain a NUL character");
        }
        return text;
    }

    private void known(JsonNode node, Set<String> fields, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String f = names.next();
            if (!fields.contains(f)) {
                throw bad(prefix + f, "is not a campaign field: one of " + new TreeSet<>(fields));
            }
        }
    }

    private ServiceError bad(String field, String message) {
        return ServiceError.input(where + (field.isEmpty() ? "" : ": " + field) + " " + message);
    }
}
