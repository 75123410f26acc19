package dev.scorecards.scoring.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import dev.scorecards.scoring.ScoringConfig;
import jakarta.inject.Inject;

/**
 * The scorecards in force: the defaults shipped in {@code scorecards/defaults.yaml}, each replaced
 * or joined by the YAML files of {@code scorecards.definitions.dir}. Loading checks every
 * definition; one that does not parse or type-check stops the service with a message naming its
 * file and check.
 */
@ApplicationScoped
public class ScorecardDefinitions {
    static final String DEFAULTS = "scorecards/defaults.yaml";
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Scorecard> scorecards;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Map<String, CelChecks.Program> programs = new HashMap<>();
    private final Map<String, CelChecks.Program> filters = new HashMap<>();

    @Inject
    ScorecardDefinitions(ScoringConfig.Definitions config) {
        this(config.dir());
    }

    ScorecardDefinitions(Optional<String> dir) {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        Map<String, String> files = new HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEFAULTS)) {
            read(in, DEFAULTS, docs, files);
            if (dir.isPresent() && !dir.get().isBlank()) {
                Path d = Path.of(dir.get());
                if (!Files.isDirectory(d)) {
                    throw new IllegalStateException("scorecards.definitions.dir " + d.toAbsolutePath()
                            + " is not a folder");
                }
                try (var list = Files.list(d)) {
                    for (Path f : list.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                        try (InputStream fin = Files.newInputStream(f)) {
                            read(fin, f.toString(), docs, files);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading scorecard definitions failed: " + e.getMessage(), e);
        }
        List<Scorecard> loaded = new ArrayList<>();
        for (var e : docs.entrySet()) {
            loaded.add(define(e.getValue(), files.get(e.getKey())));
        }
        this.scorecards = Collections.unmodifiableList(loaded);
        for (Scorecard s : scorecards) {
            for (Check c : s.checks()) {
                checks.put(c.id(), c);
            }
        }
        for (Scorecard s : scorecards) {
            for (Check c : s.checks()) {
                for (String r : c.requires()) {
                    if (expand(r).isEmpty()) {
                        throw new IllegalStateException(s.file() + ": check " + c.id() + " requires " + r
                                + ", which names no check");
                    }
                }
            }
        }
        if (scorecards.stream().filter(Scorecard::ladder).count() > 1) {
            throw new IllegalStateException("Only one scorecard may be the ladder (ladder: true)");
        }
    }

    private static void read(InputStream in, String file, Map<String, JsonNode> docs, Map<String, String> files)
            throws IOException {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(in)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String id = doc.path("id").asText("");
                if (!ID.matcher(id).matches()) {
                    throw new IllegalStateException(file + ": a scorecard needs an id of [a-z0-9-], got '" + id + "'");
                }
                docs.put(id, doc);
                files.put(id, file);
            }
        }
    }

    private Scorecard define(JsonNode doc, String file) {
        String id = doc.get("id").asText();
        List<String> levels = new ArrayList<>();
        doc.path("levels").forEach(l -> levels.add(l.asText()));
        if (levels.isEmpty() || new HashSet<>(levels).size() != levels.size()) {
            throw new IllegalStateException(file + ": scorecard " + id + " needs a list of distinct levels");
        }
        List<Check> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : doc.path("checks")) {
            String local = c.path("id").asText("");
            String where = file + ": scorecard " + id + ", check " + (local.isEmpty() ? "#" + list.size() : local);
            if (!ID.matcher(local).matches() || !seen.add(local)) {
                throw new IllegalStateException(where + ": the id must be unique and made of [a-z0-9-]");
            }
            String qualified = id + "." + local;
            int level = levels.indexOf(c.path("level").asText(""));
            if (level < 0) {
                throw new IllegalStateException(where + ": level '" + c.path("level").asText("")
                        + "' is not one of " + levels);
            }
            double weight = c.path("weight").asDouble(1.0);
            if (!(weight > 0)) {
                throw new IllegalStateException(where + ": weight must be greater than zero");
            }
            String expression = c.hasNonNull("expression") ? c.get("expression").asText() : null;
            String applies = c.hasNonNull("applies") ? c.get("applies").asText() : null;
            List<String> requires = new ArrayList<>();
            c.path("requires").forEach(r -> requires.add(r.asText()));
            if ((expression == null) == requires.isEmpty()) {
                throw new IllegalStateException(where + ": give either an expression or requires, not both or neither");
            }
            Set<String> facts = new LinkedHashSet<>();
            Set<String> filterFacts = new LinkedHashSet<>();
            SortedSet<String> mentioned = new TreeSet<>();
            if (expression != null) {
                CelChecks.Program program = compile(where, "expression", expression);
                programs.put(qualified, program);
                facts.addAll(program.requiredFacts());
                mentioned.addAll(program.mentionedFacts());
            }
            if (applies != null) {
                CelChecks.Program filter = compile(where, "applies", applies);
                filters.put(qualified, filter);
                filterFacts.addAll(filter.requiredFacts());
                mentioned.addAll(filter.mentionedFacts());
            }
            // a check without a description is described by its name (Tech Insights shows both)
            String name = c.path("name").asText(local);
            String description = c.path("description").asText("");
            list.add(new Check(qualified, name, description.isBlank() ? name : description,
                    levels.get(level), level, weight, expression, applies, List.copyOf(requires),
                    c.path("remediation").asText(""), c.hasNonNull("link") ? c.get("link").asText() : null,
                    Set.copyOf(facts), Set.copyOf(filterFacts), Collections.unmodifiableSortedSet(mentioned)));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(file + ": scorecard " + id + " has no checks");
        }
        return new Scorecard(id, doc.path("name").asText(id), doc.path("description").asText(""),
                List.copyOf(levels), doc.path("ladder").asBoolean(false), List.copyOf(list), file);
    }

    private static CelChecks.Program compile(String where, String what, String expression) {
        try {
            return CelChecks.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": the " + what + " does not compile: " + e.getMessage());
        }
    }

    public List<Scorecard> all() {
        return scorecards;
    }

    public Scorecard ladder() {
        return scorecards.stream().filter(Scorecard::ladder).findFirst().orElse(null);
    }

    public Scorecard get(String id) {
        return scorecards.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public Check check(String qualifiedId) {
        return checks.get(qualifiedId);
    }

    public CelChecks.Program program(String checkId) {
        return programs.get(checkId);
    }

    public CelChecks.Program filter(String checkId) {
        return filters.get(checkId);
    }

    /** The checks a {@code requires} entry names: {@code scorecard.check}, or {@code scorecard.*}. */
    public List<Check> expand(String reference) {
        if (reference.endsWith(".*")) {
            Scorecard s = get(reference.substring(0, reference.length() - 2));
            return s == null ? List.of() : s.checks();
        }
        Check c = checks.get(reference);
        return c == null ? List.of() : List.of(c);
    }
}
