package dev.scorecards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of docs/architecture.md, checked on the sources under src/main/java: no package
 * cycle, no stage importing a later stage, no class over 300 lines, no REST resource over 150, no package over
 * 20 classes. A dependency is any name of
 * another package in the code (imports, static imports, qualified names), comments and strings aside.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "dev.scorecards";
    /**
     * The stages in their order (docs/architecture.md): a stage may use its own and earlier ones only.
     * {@code catalog} is the model every stage reads; the adapters at the end share one rank.
     */
    static final Map<String, Integer> STAGES = Map.ofEntries(Map.entry("catalog", 0), Map.entry("ingest", 1),
            Map.entry("facts", 2), Map.entry("scoring", 3), Map.entry("campaigns", 4), Map.entry("notifications", 5),
            Map.entry("reviews", 6), Map.entry("api", 7), Map.entry("badges", 7), Map.entry("web", 7),
            Map.entry("techinsights", 7), Map.entry("mcp", 7));
    /** Shared helpers every stage may use; they use no stage. "" is the root package (Main). */
    static final Set<String> SHARED = Set.of("", "db", "errors", "paging");
    private static final int MAX_LINES = 300;
    /** One package per stage, sub-packages by job once a package passes this many classes. */
    private static final int MAX_CLASSES_PER_PACKAGE = 20;
    /** REST resources translate HTTP; the stages' services do the work. */
    private static final int MAX_RESOURCE_LINES = 150;
    private static final Pattern NAME = Pattern.compile("\\bdev\\.scorecards((?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)");

    @Test
    void noPackageCycle() {
        List<String> cycle = cycle(dependencies());
        assertTrue(cycle.isEmpty(), () -> "package cycle: " + String.join(" -> ", cycle));
    }

    @Test
    void noStageImportsALaterStage() {
        List<String> wrong = new ArrayList<>();
        dependencies().forEach((from, tos) -> tos.forEach(to -> {
            String why = violation(from, to);
            if (why != null) {
                wrong.add(from + " -> " + to + ": " + why);
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void noMainClassOverThreeHundredLines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                int lines = Files.readAllLines(f).size();
                String name = MAIN.resolve(ROOT.replace('.', '/')).relativize(f).toString().replace('\\', '/');
                if (lines > MAX_LINES) {
                    long_.add(name + " has " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), long_, "no class over " + MAX_LINES + " lines: split it by job");
    }

    @Test
    void noPackageOverTwentyClasses() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(ROOT.replace('.', '/')))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('\\', '/').replace('/', '.');
                counts.merge(pkg, 1, Integer::sum);
            }
        }
        List<String> crowded = new ArrayList<>();
        counts.forEach((pkg, n) -> {
            if (n > MAX_CLASSES_PER_PACKAGE) {
                crowded.add(pkg + " has " + n + " classes");
            }
        });
        assertEquals(List.of(), crowded, "no package over " + MAX_CLASSES_PER_PACKAGE + " classes: give it sub-packages by job");
    }

    @Test
    void restResourcesAreThin() throws IOException {
        List<String> thick = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.stream().anyMatch(l -> l.startsWith("@Path(")) && lines.size() > MAX_RESOURCE_LINES) {
                    thick.add(f.getFileName() + " has " + lines.size() + " lines");
                }
            }
        }
        assertEquals(List.of(), thick, "a REST resource over " + MAX_RESOURCE_LINES + " lines: move its work into a service");
    }

    /**
     * Beans take what they need through one {@code @Inject} constructor into {@code private final} fields
     * (issue 16): no field injection, {@code @Inject} or {@code @ConfigProperty} on a field, in any class.
     */

    @Test
    void noFieldInjection() throws IOException {
        List<String> injected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(ROOT.replace('.', '/')))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.resolve(ROOT.replace('.', '/')).relativize(f).toString().replace('\\', '/')
                        .replaceFirst("\\.java$", "").replace('/', '.');
                injectedFields(Files.readString(f)).forEach(field -> injected.add(name + "." + field));
            }
        }
        assertEquals(List.of(), injected, "field injection: take these through the class's @Inject constructor"
                + " into private final fields");
    }

    private static final Pattern INJECTION = Pattern.compile("@(?:jakarta\\.inject\\.)?Inject\\b"
            + "|@(?:org\\.eclipse\\.microprofile\\.config\\.inject\\.)?ConfigProperty\\b");

    /** The fields that {@code @Inject} or {@code @ConfigProperty} annotates (not constructors, methods, parameters). */
    static List<String> injectedFields(String source) {
        String code = withoutCommentsAndStrings(source);
        List<String> fields = new ArrayList<>();
        Matcher m = INJECTION.matcher(code);
        int from = 0;
        while (m.find(from)) {
            int i = skipAnnotations(code, m.start());
            int end = i;
            int generics = 0; // a comma inside <...> is part of the type, outside it ends a parameter
            while (end < code.length() && (";=({)".indexOf(code.charAt(end)) < 0
                    && (code.charAt(end) != ',' || generics > 0))) {
                generics += code.charAt(end) == '<' ? 1 : code.charAt(end) == '>' ? -1 : 0;
                end++;
            }
            if (end < code.length() && (code.charAt(end) == ';' || code.charAt(end) == '=')) {
                String[] words = code.substring(i, end).trim().split("\\s+");
                fields.add(words[words.length - 1]);
            }
            from = Math.max(end, m.end());
        }
        return fields;
    }

    /** The index after the annotations (with their arguments) that start at {@code i}. */
    private static int skipAnnotations(String code, int i) {
        while (true) {
            while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            if (i >= code.length() || code.charAt(i) != '@') {
                return i;
            }
            i++;
            while (i < code.length() && (Character.isJavaIdentifierPart(code.charAt(i)) || code.charAt(i) == '.')) {
                i++;
            }
            int j = i;
            while (j < code.length() && Character.isWhitespace(code.charAt(j))) {
                j++;
            }
            if (j < code.length() && code.charAt(j) == '(') {
                int depth = 0;
                do {
                    depth += code.charAt(j) == '(' ? 1 : code.charAt(j) == ')' ? -1 : 0;
                    j++;
                } while (j < code.length() && depth > 0);
                i = j;
            }
        }
    }

    /** The checks can fail: the scan sees real edges and ignores comments, the rules refuse what they should. */
    @Test
    void theChecksSeeWhatTheyCheck() {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.get("api.scorecards").contains("scoring.query"), "api.scorecards uses scoring.query");
        assertTrue(deps.get("ingest.source").contains("catalog.store"), "ingest.source writes through catalog.store");
        assertEquals(Set.of("facts"), references("""
                package dev.scorecards.scoring;
                import dev.scorecards.facts.CatalogGraph;
                // dev.scorecards.web.Home is only mentioned
                /** {@link dev.scorecards.api.CsvTable} neither */
                class X { String s = "dev.scorecards.badges.Badge"; char c = '"'; }
                """, "scoring"));
        assertEquals(List.of("a", "b", "c", "a"), cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))));
        assertEquals(List.of(), cycle(Map.of("a", Set.of("b"), "b", Set.of("c"))));
        assertEquals("a stage never imports a later one", violation("catalog.query", "ingest.parse"));
        assertEquals("a shared helper uses no stage", violation("errors", "api"));
        assertEquals(null, violation("web", "scoring"));
        assertTrue(violation("newstage", "catalog").startsWith("unknown package"));
        assertEquals(List.of("a", "b", "c", "d"), injectedFields("""
                class X {
                    @Inject A a;
                    @jakarta.inject.Inject
                    @Named("x") B b;
                    @ConfigProperty(name = "c", defaultValue = "(;)") String c;
                    @Inject @ConfigProperty(name = "d") Map<String, List<D>> d = null;
                    // @Inject E e;
                    @Inject
                    X(@ConfigProperty(name = "f") Map<String, F> f, G g) {
                    }
                    @Inject
                    void set(H h) {
                    }
                }
                """));
    }

    /** Why {@code from} may not use {@code to}, or null when it may. */
    static String violation(String from, String to) {
        String a = top(from);
        String b = top(to);
        if (!STAGES.containsKey(a) && !SHARED.contains(a)) {
            return "unknown package " + a + ": give it a place in ArchitectureTest and docs/architecture.md";
        }
        if (!STAGES.containsKey(b) && !SHARED.contains(b)) {
            return "unknown package " + b + ": give it a place in ArchitectureTest and docs/architecture.md";
        }
        if (SHARED.contains(a)) {
            return SHARED.contains(b) ? null : "a shared helper uses no stage";
        }
        return SHARED.contains(b) || STAGES.get(b) <= STAGES.get(a) ? null : "a stage never imports a later one";
    }

    private static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    /** Package (below dev.scorecards, "" for the root) → the other packages its classes name. */
    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(ROOT.replace('.', '/')))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
                assertTrue(m.find(), f + " has a package");
                String pkg = m.group(1).equals(ROOT) ? "" : m.group(1).substring(ROOT.length() + 1);
                out.computeIfAbsent(pkg, p -> new TreeSet<>()).addAll(references(text, pkg));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The packages other than {@code pkg} that the code names. */
    static Set<String> references(String source, String pkg) {
        String code = withoutCommentsAndStrings(source).replaceFirst("(?m)^package [\\w.]+;", "");
        Set<String> out = new TreeSet<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            String p = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
            if (!p.equals(pkg)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String withoutCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != quote) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(quote).append(quote);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** One cycle of the graph as a path that ends where it starts, or empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> found = visit(start, graph, state, new LinkedHashSet<>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state,
            LinkedHashSet<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null) {
            List<String> onPath = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(node), onPath.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            List<String> found = visit(next, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(node);
        state.put(node, 2);
        return List.of();
    }
}
