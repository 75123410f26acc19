package dev.scorecards.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A synthetic, referentially consistent catalog of N entities of every kind: domains, groups (a tree
 * under one organisation), users, systems, APIs, resources and components. Components own about seven
 * references each (owner, system, a provided API, two consumed APIs, a resource and a component they
 * depend on). The same seed gives the same catalog.
 */
public final class SyntheticCatalog {
    public final int size;
    public final int domains;
    public final int groups;
    public final int users;
    public final int systems;
    public final int apis;
    public final int resources;
    public final int components;
    private final Random random;

    public SyntheticCatalog(int size, long seed) {
        this.size = size;
        this.random = new Random(seed);
        domains = Math.max(1, size / 2000);
        groups = Math.max(3, size / 50);
        users = Math.max(1, size / 10);
        systems = Math.max(1, size / 40);
        apis = Math.max(1, size / 10);
        resources = Math.max(1, size / 10);
        components = size - domains - groups - users - systems - apis - resources;
    }

    public static String group(int i) {
        return "team-" + i;
    }

    public static String component(int i) {
        return "svc-" + i;
    }

    /** Writes the catalog as multi-document YAML and returns the file. */
    public Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            write(w);
        }
        return file;
    }

    public void write(Writer w) throws IOException {
        for (int i = 0; i < domains; i++) {
            doc(w, "Domain", "domain-" + i, "Business domain " + i, "owner: " + group(0));
        }
        for (int i = 0; i < groups; i++) {
            StringBuilder spec = new StringBuilder("type: ").append(i == 0 ? "organization" : "team");
            if (i > 0) {
                spec.append("\nparent: ").append(group((i - 1) / 10));
            }
            spec.append("\nchildren: [");
            for (int c = i * 10 + 1; c <= i * 10 + 10 && c < groups; c++) {
                spec.append(c == i * 10 + 1 ? "" : ", ").append(group(c));
            }
            spec.append("]");
            doc(w, "Group", group(i), "Team " + i, spec.toString());
        }
        for (int i = 0; i < users; i++) {
            doc(w, "User", "user-" + i, "User " + i, "memberOf: [" + group(1 + i % (groups - 1)) + "]");
        }
        for (int i = 0; i < systems; i++) {
            doc(w, "System", "system-" + i, "System " + i, "owner: " + group(1 + i % (groups - 1))
                    + "\ndomain: domain-" + (i % domains));
        }
        for (int i = 0; i < apis; i++) {
            doc(w, "API", "api-" + i, "API " + i, "type: openapi\nlifecycle: production\nowner: "
                    + group(1 + i % (groups - 1)) + "\nsystem: system-" + (i % systems)
                    + "\ndefinition: |\n  openapi: 3.0.0\n  info: {title: api " + i + ", version: '1'}\n  paths:\n    /items: {get: {responses: {'200': {description: ok}}}}");
        }
        for (int i = 0; i < resources; i++) {
            doc(w, "Resource", "db-" + i, "Database " + i, "type: database\nowner: " + group(1 + i % (groups - 1))
                    + "\nsystem: system-" + (i % systems));
        }
        for (int i = 0; i < components; i++) {
            int team = 1 + random.nextInt(groups - 1);
            String spec = "type: service\nlifecycle: " + (i % 7 == 0 ? "experimental" : "production") + "\nowner: "
                    + group(team) + "\nsystem: system-" + random.nextInt(systems)
                    + "\nprovidesApis: [api-" + (i % apis) + "]"
                    + "\nconsumesApis: [api-" + random.nextInt(apis) + ", api-" + random.nextInt(apis) + "]"
                    + "\ndependsOn: [resource:db-" + random.nextInt(resources) + ", component:"
                    + component(random.nextInt(components)) + "]";
            doc(w, "Component", component(i), "Service " + i + " of team " + team, spec);
        }
    }

    private static void doc(Writer w, String kind, String name, String description, String spec) throws IOException {
        w.write("---\napiVersion: backstage.io/v1alpha1\nkind: ");
        w.write(kind);
        w.write("\nmetadata:\n  name: ");
        w.write(name);
        w.write("\n  description: ");
        w.write(description);
        w.write("\n  tags: [bench, ");
        w.write(kind.toLowerCase());
        w.write("]\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  ");
        w.write(spec.replace("\n", "\n  "));
        w.write('\n');
    }
}
