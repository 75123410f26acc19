package dev.scorecards.techinsights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.facts.FactSchema;
import dev.scorecards.facts.pushed.PushedFacts;
import dev.scorecards.scoring.definitions.Check;
import dev.scorecards.scoring.definitions.Scorecard;
import dev.scorecards.scoring.definitions.ScorecardDefinitions;
import dev.scorecards.scoring.query.CapabilityList;
import dev.scorecards.scoring.query.CapabilityQueries;
import dev.scorecards.scoring.results.CheckState;
import dev.scorecards.scoring.results.CurrentResults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our facts as three Tech Insights fact retrievers: {@value #DERIVED} (derived from the catalog
 * graph at the last evaluation), {@value #PUSHED} (pushed by scripts, with their history) and
 * {@value #RESULTS} (each scorecard's level and percentage, each check's state and the consumer
 * count, with a row for every recorded change), served as their schemas, latest rows and rows in a range.
 */
@ApplicationScoped
public class TechInsightsFacts {
    public static final String DERIVED = "capability-facts";
    public static final String PUSHED = "pushed-facts";
    public static final String RESULTS = "scorecard-results";
    /** The version of every retriever's schema. */
    public static final String VERSION = "1.0.0";
    private static final List<String> ALL = List.of(DERIVED, PUSHED, RESULTS);
    /** Keys a fact schema holds beside its facts; a pushed fact of that name cannot be described there. */
    private static final Set<String> RESERVED = Set.of("id", "version", "entityFilter");
    private static final String STATES = "PASS, FAIL, NOT_APPLICABLE, NOT_REPORTED, ERROR or EXEMPT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScorecardDefinitions definitions;
    private final FactSchema schema;
    private final PushedFacts pushed;
    private final CurrentResults results;
    private final CapabilityQueries queries;

    @Inject
    TechInsightsFacts(ScorecardDefinitions definitions, FactSchema schema, PushedFacts pushed, CurrentResults results,
            CapabilityQueries queries) {
        this.definitions = definitions;
        this.schema = schema;
        this.pushed = pushed;
        this.results = results;
        this.queries = queries;
    }

    /** The schema of each retriever asked for (all when {@code ids} is null), in the order above. */
    public List<ObjectNode> schemas(List<String> ids) {
        return ALL.stream().filter(id -> ids == null || ids.contains(id)).map(this::schema).toList();
    }

    private ObjectNode schema(String id) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id).put("version", VERSION).putNull("entityFilter");
        switch (id) {
            case DERIVED -> schema.derived().forEach((name, d) -> describe(o, name, d.type(), d.description()));
            case PUSHED -> pushedSchema(o);
            default -> {
                for (Scorecard s : definitions.all()) {
                    describe(o, s.id() + ".level", "string", "Level held in " + s.name() + ", one of "
                            + String.join(", ", s.levels()) + "; null below " + s.levels().get(0));
                    describe(o, s.id() + ".percentage", "float", "Weighted percentage of the applicable checks of "
                            + s.name() + " that pass");
                    for (Check c : s.checks()) {
                        describe(o, c.id(), "string", "State of the check " + c.name() + ": " + STATES);
                    }
                }
                describe(o, "consumerCount", "integer", "Consumers when the result was recorded");
                describe(o, "removed", "boolean", "The capability left the catalog (or the capability filter)");
            }
        }
        return o;
    }

    /**
     * Every pushed fact: the newest push of each name gives its type and source; a fact a check reads
     * that nobody pushed yet is declared too, as a string (its type is unknown until it is pushed).
     */
    private void pushedSchema(ObjectNode o) {
        java.util.TreeMap<String, String[]> facts = new java.util.TreeMap<>();
        for (Scorecard s : definitions.all()) {
            for (Check c : s.checks()) {
                for (String name : c.mentionedFacts()) {
                    if (!schema.isDerived(name)) {
                        facts.computeIfAbsent(name, n -> new String[] {"string",
                                "Read by the check " + c.id() + "; pushed by scripts (POST /api/scorecards/facts), none yet"});
                    }
                }
            }
        }
        for (String name : dev.scorecards.facts.SupportLoad.FACTS) {
            facts.put(name, new String[] {"integer", "Summed over the trend window into supportLoad and supportLoadPerTeam"
                + " (each value the " + name.substring(name.indexOf('.') + 1) + " since the previous push); pushed by"
                + " scripts (POST /api/scorecards/facts), none yet"});
        }
        for (PushedFacts.Observation p : pushed.newestOfEveryName()) {
            facts.put(p.name(), new String[] {FactSchema.typeOf(p.value()),
                "Pushed by scripts (POST /api/scorecards/facts); latest from source " + p.source()});
        }
        facts.keySet().removeAll(RESERVED);
        facts.forEach((name, d) -> describe(o, name, d[0], d[1]));
    }

    private static void describe(ObjectNode schema, String name, String type, String description) {
        schema.putObject(name).put("type", type).put("description", description);
    }

    /** The latest row of each retriever asked for that has one for this entity, by retriever id. */
    public ObjectNode latest(EntityRef entity, List<String> ids) {
        String ref = entity.toString();
        ObjectNode out = JSON.createObjectNode();
        CurrentResults.Current current = ids.contains(DERIVED) || ids.contains(RESULTS)
                ? results.of(List.of(entity)).get(entity) : null;
        for (String id : ALL) {
            if (!ids.contains(id)) {
                continue;
            }
            if (id.equals(PUSHED)) {
                ObjectNode facts = JSON.createObjectNode();
                Instant newest = null;
                for (PushedFacts.Observation p : pushed.latestObservations(ref)) {
                    facts.set(p.name(), p.value());
                    newest = newest == null || p.observedAt().isAfter(newest) ? p.observedAt() : newest;
                }
                if (newest != null) {
                    out.set(id, row(id, entity, newest, facts));
                }
            } else if (current != null) {
                out.set(id, row(id, entity, current.evaluatedAt(), id.equals(DERIVED) ? derived(current)
                        : states(scores(current), current.states(), current.consumers(), false)));
            }
        }
        return out;
    }

    /**
     * The rows of each retriever asked for within [from, to], oldest first, by retriever id: every
     * push, every recorded change of the results, and the derived facts, which keep only their current
     * row (timestamped when last evaluated).
     */
    public ObjectNode range(EntityRef entity, List<String> ids, Instant from, Instant to) {
        String ref = entity.toString();
        ObjectNode out = JSON.createObjectNode();
        if (ids.contains(DERIVED)) {
            CurrentResults.Current current = results.of(List.of(entity)).get(entity);
            if (current != null && !current.evaluatedAt().isBefore(from) && !current.evaluatedAt().isAfter(to)) {
                out.putArray(DERIVED).add(row(DERIVED, entity, current.evaluatedAt(), derived(current)));
            }
        }
        if (ids.contains(PUSHED)) {
            Map<Instant, ObjectNode> byTime = new LinkedHashMap<>();
            for (PushedFacts.Observation p : pushed.between(ref, from, to)) {
                byTime.computeIfAbsent(p.observedAt(), t -> JSON.createObjectNode()).set(p.name(), p.value());
            }
            if (!byTime.isEmpty()) {
                ArrayNode rows = out.putArray(PUSHED);
                byTime.forEach((at, facts) -> rows.add(row(PUSHED, entity, at, facts)));
            }
        }
        if (ids.contains(RESULTS)) {
            List<CapabilityQueries.Change> history = queries.history(entity, from, to);
            if (!history.isEmpty()) {
                ArrayNode rows = out.putArray(RESULTS);
                for (CapabilityQueries.Change h : history) {
                    rows.add(row(RESULTS, entity, h.at(),
                            states(h.scorecards(), h.checks(), h.consumers(), h.removed())));
                }
            }
        }
        return out;
    }

    private ObjectNode derived(CurrentResults.Current current) {
        ObjectNode facts = JSON.createObjectNode();
        current.facts().forEach((name, value) -> {
            if (schema.isDerived(name)) {
                facts.set(name, JSON.valueToTree(value));
            }
        });
        return facts;
    }

    /** A current result's scorecards as a history row holds them: level and percentage by scorecard id. */
    private static Map<String, CapabilityList.Score> scores(CurrentResults.Current current) {
        Map<String, CapabilityList.Score> out = new HashMap<>();
        current.scorecards().forEach((id, card) -> out.put(id,
                new CapabilityList.Score(card.level(), card.levelIndex(), card.percentage())));
        return out;
    }

    /** Levels, percentages and check states (of a current result or a history row) as facts, in scorecard order. */
    private ObjectNode states(Map<String, CapabilityList.Score> cards, Map<String, CheckState> checks, long consumers,
            boolean removed) {
        ObjectNode facts = JSON.createObjectNode();
        for (Scorecard s : definitions.all()) {
            CapabilityList.Score card = cards.get(s.id());
            if (card != null) {
                facts.put(s.id() + ".level", card.level());
                facts.put(s.id() + ".percentage", card.percentage());
            }
            for (Check c : s.checks()) {
                CheckState state = checks.get(c.id());
                if (state != null) {
                    facts.put(c.id(), state.name());
                }
            }
        }
        facts.put("consumerCount", consumers);
        facts.put("removed", removed);
        return facts;
    }

    private static ObjectNode row(String id, EntityRef e, Instant at, ObjectNode facts) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.putObject("entity").put("namespace", e.namespace()).put("kind", e.kind()).put("name", e.name());
        o.put("timestamp", at.toString()).put("version", VERSION);
        o.set("facts", facts);
        return o;
    }
}
