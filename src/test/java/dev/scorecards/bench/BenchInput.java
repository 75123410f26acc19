package dev.scorecards.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One generated catalog as the catalog benchmark feeds it to the service: a root file to register as
 * one {@code file} location, the same content entities as one ingest body, how many entities each
 * path must end with, a sample entity and the relation targets it must show, and the component names
 * for the read loads. Two generators: ours ({@link SyntheticCatalog}, one file) and the one real
 * Backstage was measured with ({@code ../shared/backstage-reference/gen-catalog.mjs}: a root Location
 * with shard Locations, about seven relations per entity).
 */
record BenchInput(String generator, int n, Path root, List<Path> files, Path body, int locationTotal, int ingestTotal,
        String sampleRef, List<String> sampleTargets, List<String> componentNames, int capabilities) {

    static final String REFERENCE_GENERATOR = System.getProperty("bench.reference",
            "../shared/backstage-reference/gen-catalog.mjs");

    /** Our generator: one multi-document file, registered as a location and pushed as the body. */
    static BenchInput ours(int n, Path dir) throws IOException {
        SyntheticCatalog catalog = new SyntheticCatalog(n, 42);
        Path file = catalog.write(dir.resolve("catalog.yaml"));
        List<String> components = new ArrayList<>();
        for (int i = 0; i < catalog.components; i++) {
            components.add(SyntheticCatalog.component(i));
        }
        // svc-0 declares: owner, system, one provided API, two consumed APIs, a resource and a component
        return new BenchInput("ours", n, file, List.of(file), file, n + 1, n, "component:default/svc-0", List.of(),
                components, catalog.systems + catalog.apis);
    }

    /** The reference generator (Node), run into {@code dir}; its parts concatenated form the ingest body. */
    static BenchInput reference(int n, Path dir) throws IOException, InterruptedException {
        Path script = Path.of(REFERENCE_GENERATOR).toAbsolutePath().normalize();
        Process p = new ProcessBuilder("node", script.toString(), String.valueOf(n), dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("node " + script + " failed");
        }
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        List<Path> parts;
        try (var walk = Files.walk(dir.resolve("parts"))) {
            parts = walk.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        Path body = dir.resolve("body.yaml");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(body, StandardCharsets.UTF_8), 1 << 20)) {
            for (Path part : parts) {
                String text = Files.readString(part);
                w.write(text.startsWith("---") ? text : "---\n" + text);
                w.write(text.endsWith("\n") ? "" : "\n");
            }
        }
        JsonNode sample = manifest.path("samples").get(0);
        List<String> targets = new ArrayList<>();
        sample.path("relations").forEach(r -> targets.add(r.path("targetRef").asText()));
        List<String> components = Files.readAllLines(dir.resolve("component-names.txt")).stream()
                .filter(s -> !s.isBlank()).toList();
        return new BenchInput("reference", n, dir.resolve("all.yaml"), parts, body,
                manifest.path("expectedTotal").asInt(), manifest.path("breakdown").path("contentEntities").asInt(),
                sample.path("ref").asText(), targets, components,
                manifest.path("byKind").path("System").asInt() + manifest.path("byKind").path("API").asInt());
    }

    long bodyBytes() throws IOException {
        return Files.size(body);
    }

    long locationBytes() throws IOException {
        long sum = Files.size(root);
        for (Path f : files) {
            sum += f.equals(root) ? 0 : Files.size(f);
        }
        return sum;
    }

    /**
     * Changes every content entity (a label {@code bench-run: <run>} on each), in the location's files
     * in place and in the ingest body; neither generator writes labels.
     */
    void changeEverything(int run) throws IOException {
        Map<Path, Boolean> done = new TreeMap<>();
        for (Path f : files) {
            label(f, run);
            done.put(f, true);
        }
        if (!done.containsKey(body)) {
            label(body, run);
        }
    }

    private static void label(Path file, int run) throws IOException {
        String line = "    bench-run: '" + run + "'\n";
        StringBuilder out = new StringBuilder();
        for (String doc : Files.readString(file).split("(?m)^(?=---$)")) {
            doc = doc.replaceAll("(?m)^    bench-run: '\\d+'\n", "");
            if (doc.contains("\n  labels:\n")) {
                doc = doc.replace("\n  labels:\n", "\n  labels:\n" + line);
            } else {
                doc = doc.replace("\nmetadata:\n", "\nmetadata:\n  labels:\n" + line);
            }
            out.append(doc);
        }
        Files.writeString(file, out);
    }
}
