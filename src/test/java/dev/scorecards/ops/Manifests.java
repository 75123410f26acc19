package dev.scorecards.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Kubernetes manifests of one kustomization, rendered by the real Kustomize ({@code k8s/render.sh}). */
final class Manifests {
    private static final YAMLMapper YAML = new YAMLMapper();
    final String dir;
    final List<JsonNode> objects;

    private Manifests(String dir, List<JsonNode> objects) {
        this.dir = dir;
        this.objects = objects;
    }

    static Manifests render(String dir) {
        try {
            // the output goes to a file, so that the timeout applies (a hung download cannot hang the build)
            java.nio.file.Path out = java.nio.file.Files.createTempFile("manifests", ".yaml");
            Process p = new ProcessBuilder("bash", "k8s/render.sh", dir).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String yaml;
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError("k8s/render.sh " + dir + " did not finish within 5 minutes");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("k8s/render.sh " + dir + " failed (see its messages above)");
                }
                yaml = java.nio.file.Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                java.nio.file.Files.deleteIfExists(out);
            }
            List<JsonNode> objects = new ArrayList<>();
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc != null && !doc.isEmpty()) {
                        objects.add(doc);
                    }
                }
            }
            return new Manifests(dir, objects);
        } catch (IOException e) {
            throw new AssertionError("Could not run k8s/render.sh " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    /** The one object of this kind (fails when there is none or more than one). */
    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError(dir + " renders " + found.size() + " objects of kind " + kind + ", expected 1");
        }
        return found.get(0);
    }

    JsonNode named(String kind, String name) {
        return all(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(dir + " renders no " + kind + " named " + name));
    }

    JsonNode container() {
        JsonNode containers = one("Deployment").path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(dir + ": the Deployment has " + containers.size() + " containers, expected 1");
        }
        return containers.get(0);
    }

    /** The value of a plain {@code env} entry of the container, or null. */
    String env(String name) {
        for (JsonNode e : container().path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.has("value") ? e.get("value").asText() : null;
            }
        }
        return null;
    }
}
