package dev.scorecards.techinsights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.errors.ServiceError;
import dev.scorecards.facts.FactSchema;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.results.CheckResult;
import dev.scorecards.scoring.results.CheckState;
import dev.scorecards.scoring.results.CurrentResults;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Our checks as Tech Insights checks, and their stored states as Tech Insights check results: a
 * state that holds for levels (PASS, EXEMPT, NOT_APPLICABLE) is {@code result: true}, the others
 * (FAIL, NOT_REPORTED, ERROR) {@code false}; the state and its reason travel in {@code check.metadata}
 * and in the description. Nothing is evaluated here: answers come from the stored results.
 */
@ApplicationScoped
public class TechInsightsChecks {
    /** The type Tech Insights' frontend renders as a boolean result without extra code. */
    public static final String TYPE = "json-rules-engine";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Refs read with one query by a bulk run. */
    public static final int CHUNK = 500;
    private static final Map<CheckState, String> NOTES = Map.of(CheckState.FAIL, "Fails", CheckState.NOT_REPORTED,
            "Not reported", CheckState.NOT_APPLICABLE, "Not applicable", CheckState.ERROR, "Error",
            CheckState.EXEMPT, "Exempt");

    private final ScorecardDefinitions definitions;
    private final FactSchema schema;
    private final CurrentResults results;

    @Inject
    TechInsightsChecks(ScorecardDefinitions definitions, FactSchema schema, CurrentResults results) {
        this.definitions = definitions;
        this.schema = schema;
        this.results = results;
    }

    private final Map<String, ObjectNode> checks = new LinkedHashMap<>();
    private final Map<String, Check> byId = new LinkedHashMap<>();

    @PostConstruct
    void describe() {
        for (Scorecard s : definitions.all()) {
            for (Check c : s.checks()) {
                byId.put(c.id(), c);
                checks.put(c.id(), definition(s, c));
            }
        }
    }

    private ObjectNode definition(Scorecard s, Check c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.id());
        o.put("type", TYPE);
        o.put("name", c.name());
        o.put("description", c.description());
        ArrayNode factIds = o.putArray("factIds");
        if (!c.requires().isEmpty()) {
            factIds.add(TechInsightsFacts.RESULTS);
        } else {
            new TreeSet<>(c.mentionedFacts().stream().map(f -> schema.isDerived(f) ? TechInsightsFacts.DERIVED
                    : TechInsightsFacts.PUSHED).toList()).forEach(factIds::add);
        }
        ObjectNode meta = o.putObject("metadata");
        meta.put("category", s.name()).put("rank", rank(c.levelIndex(), s.levels().size()))
                .put("scorecard", s.id()).put("level", c.level()).put("levelIndex", c.levelIndex())
                .put("weight", c.weight());
        if (!c.remediation().isEmpty()) {
            meta.put("solution", c.remediation());
        }
        if (c.expression() != null) {
            meta.put("expression", c.expression());
        }
        if (c.applies() != null) {
            meta.put("applies", c.applies());
        }
        if (!c.requires().isEmpty()) {
            meta.set("requires", JSON.valueToTree(c.requires()));
        }
        if (!c.remediation().isEmpty()) {
            o.putObject("failureMetadata").put("remediation", c.remediation());
        }
        if (c.link() != null && !c.link().startsWith("#")) { // '#…' is a section of the capability's own page
            o.putArray("links").addObject().put("title", "How to fix").put("url", c.link());
        }
        return o;
    }

    /**
     * The Tech Insights Maturity rank of a level: the plugin knows Bronze 1, Silver 2 and Gold 3. Up to
     * three levels take them in order; more are spread evenly over them (the six rungs of the ladder are
     * 1, 1, 2, 2, 3, 3).
     */
    static int rank(int levelIndex, int levels) {
        return levels <= 3 ? levelIndex + 1 : (3 * (levelIndex + 1) + levels - 1) / levels;
    }

    /** Every check in force, in the scorecards' order ({@code GET /checks}). */
    public List<ObjectNode> checks() {
        return List.copyOf(checks.values());
    }

    /**
     * The checks to run: every one for null, else those named (in the scorecards' order); a 404
     * {@code NotFoundError} naming the first unknown id, as Tech Insights' check registry answers.
     */
    public List<String> select(List<String> ids) {
        if (ids == null) {
            return List.copyOf(byId.keySet());
        }
        String unknown = firstUnknown(ids);
        if (unknown != null) {
            throw ServiceError.notFound(notRegistered(unknown));
        }
        return byId.keySet().stream().filter(new LinkedHashSet<>(ids)::contains).toList();
    }

    /** The first id (in request order) that names no check, or null. */
    public String firstUnknown(List<String> ids) {
        return ids == null ? null : ids.stream().filter(id -> !byId.containsKey(id)).findFirst().orElse(null);
    }

    /** Tech Insights' message for an unknown check id. */
    public static String notRegistered(String id) {
        return "Tech insight check with id '" + id + "' is not registered.";
    }

    /** What a bulk run answers for each entity when a check id is unknown: Tech Insights' per-entity error. */
    public List<ObjectNode> unknownCheck(List<EntityRef> refs, String id) {
        List<ObjectNode> out = new ArrayList<>(refs.size());
        for (EntityRef ref : refs) {
            ObjectNode o = JSON.createObjectNode();
            o.put("entity", ref.toString());
            o.putObject("error").put("name", "NotFoundError").put("message", notRegistered(id));
            o.putArray("results");
            out.add(o);
        }
        return out;
    }

    /** One entity's results; empty for an entity that is not a capability (or not known). */
    public List<ObjectNode> run(EntityRef ref, List<String> selected) {
        CurrentResults.Current current = results.of(List.of(ref)).get(ref);
        return current == null ? List.of() : results(current, selected);
    }

    /** Every capability, by ref: what a bulk run with no entities answers. */
    public List<EntityRef> capabilityRefs() {
        return results.refs();
    }

    /** Each entity's results as {@code {entity, results}}, in the order asked, read {@value #CHUNK} refs a query. */
    public List<ObjectNode> runBulk(List<EntityRef> refs, List<String> selected) {
        List<ObjectNode> out = new ArrayList<>(refs.size());
        for (int from = 0; from < refs.size(); from += CHUNK) {
            List<EntityRef> chunk = refs.subList(from, Math.min(refs.size(), from + CHUNK));
            Map<EntityRef, CurrentResults.Current> current = results.of(new LinkedHashSet<>(chunk));
            for (EntityRef ref : chunk) {
                ObjectNode o = JSON.createObjectNode();
                o.put("entity", ref.toString());
                ArrayNode list = o.putArray("results");
                CurrentResults.Current c = current.get(ref);
                if (c != null) {
                    list.addAll(results(c, selected));
                }
                out.add(o);
            }
        }
        return out;
    }

    private List<ObjectNode> results(CurrentResults.Current current, List<String> selected) {
        List<ObjectNode> out = new ArrayList<>();
        for (String id : selected) {
            CheckResult stored = current.checks().get(id);
            if (stored == null) {
                continue; // defined after the capability was last evaluated
            }
            CheckState state = stored.state();
            String reason = stored.reason() == null ? "" : stored.reason();
            Check c = byId.get(id);
            ObjectNode def = checks.get(id);
            ObjectNode r = JSON.createObjectNode();
            r.set("facts", facts(c, current));
            r.put("result", state.holds());
            ObjectNode check = r.putObject("check");
            check.put("id", id).put("type", TYPE).put("name", c.name()).put("description", describe(c, state, reason));
            check.set("factIds", def.get("factIds"));
            ObjectNode meta = def.get("metadata").deepCopy();
            if (!state.holds() && def.has("failureMetadata")) {
                meta.setAll((ObjectNode) def.get("failureMetadata"));
            }
            meta.put("state", state.name()).put("reason", reason);
            check.set("metadata", meta);
            if (def.has("links")) {
                check.set("links", def.get("links"));
            }
            out.add(r);
        }
        return out;
    }

    /** The check's description, followed by what its state means for this entity when it is not a plain pass. */
    private static String describe(Check c, CheckState state, String reason) {
        String note = NOTES.get(state);
        if (note == null) {
            return c.description();
        }
        StringBuilder s = new StringBuilder(c.description());
        if (s.length() > 0) {
            s.append("\n\n");
        }
        // the reason may hold user text (an exemption's reason, a pushed value): escaped, never markup
        s.append("**").append(note).append(":** ").append(reason.isEmpty() ? "-" : MarkdownText.escape(reason));
        if ((state == CheckState.FAIL || state == CheckState.NOT_REPORTED) && !c.remediation().isEmpty()) {
            s.append("\n\n").append(c.remediation());
        }
        return s.toString();
    }

    /** The values of the facts the check reads (for a ladder check, the states of the checks it requires). */
    private ObjectNode facts(Check c, CurrentResults.Current current) {
        ObjectNode out = JSON.createObjectNode();
        if (!c.requires().isEmpty()) {
            for (String ref : c.requires()) {
                for (Check required : definitions.expand(ref)) {
                    CheckResult st = current.checks().get(required.id());
                    if (st != null) {
                        out.set(required.id(), fact(TechInsightsFacts.RESULTS, "string", "State of the check "
                                + required.name(), JSON.getNodeFactory().textNode(st.state().name())));
                    }
                }
            }
            return out;
        }
        for (String name : c.mentionedFacts()) {
            Object fact = current.facts().get(name);
            if (fact == null) {
                continue;
            }
            JsonNode value = JSON.valueToTree(fact);
            FactSchema.Described d = schema.derived().get(name);
            out.set(name, d != null ? fact(TechInsightsFacts.DERIVED, d.type(), d.description(), value)
                    : fact(TechInsightsFacts.PUSHED, FactSchema.typeOf(value), "Pushed by scripts", value));
        }
        return out;
    }

    private static ObjectNode fact(String retriever, String type, String description, JsonNode value) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", retriever).put("type", type).put("description", description);
        o.set("value", value);
        return o;
    }
}
