package dev.scorecards.facts.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.RawEntity;
import java.util.List;

/** Reads what facts need from a stored entity into its node: kind, title, lifecycle, type, flags, API size. */
final class NodeAttributes {
    /** Only http and https links count as documentation, support or runbook links. */
    private static final java.util.regex.Pattern WEB_LINK = java.util.regex.Pattern.compile("(?i)^\\s*https?://\\S+");

    private static final List<String> ON_CALL = List.of("pagerduty.com/service-id", "pagerduty.com/integration-key",
            "opsgenie.com/component-selector", "opsgenie.com/team");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeAttributes() {
    }

    /** Sets {@code n}'s attributes from {@code raw}; returns the system ref it declares to bypass, or null. */
    static String read(Node n, RawEntity raw) {
        JsonNode e;
        try {
            e = JSON.readTree(raw.json());
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("stored entity " + raw.ref() + " is not JSON", ex);
        }
        JsonNode metadata = e.path("metadata");
        JsonNode spec = e.path("spec");
        JsonNode annotations = metadata.path("annotations");
        n.kind = e.path("kind").asText().toLowerCase(java.util.Locale.ROOT).intern();
        n.title = metadata.hasNonNull("title") ? metadata.get("title").asText()
                : spec.path("profile").hasNonNull("displayName") ? spec.path("profile").get("displayName").asText()
                : metadata.path("name").asText();
        n.lifecycle = intern(text(spec.get("lifecycle")));
        n.type = intern(text(spec.get("type")));
        n.firstIngestion = raw.firstIngestion();
        int flags = 0;
        if (!metadata.path("description").asText("").isBlank()) {
            flags |= Node.DESCRIPTION;
        }
        if (annotations.hasNonNull("backstage.io/techdocs-ref")) {
            flags |= Node.TECHDOCS;
        }
        if (annotations.hasNonNull("backstage.io/source-location")) {
            flags |= Node.SOURCE_LOCATION;
        }
        for (String key : ON_CALL) {
            if (!annotations.path(key).asText("").isBlank()) {
                flags |= Node.ON_CALL;
            }
        }
        if ("true".equals(annotations.path(CatalogGraph.ANNOTATION_CAPABILITY).asText())) {
            flags |= Node.CAPABILITY_ANNOTATION;
        }
        for (JsonNode link : metadata.path("links")) {
            if (!WEB_LINK.matcher(link.path("url").asText("")).matches()) {
                continue; // javascript:, data:, file: … are no documentation, support or runbook anyone can open
            }
            switch (link.path("type").asText("").toLowerCase(java.util.Locale.ROOT)) {
                case "docs", "documentation", "techdocs" -> flags |= Node.DOCS_LINK;
                case "support", "chat" -> flags |= Node.SUPPORT_LINK;
                case "runbook" -> flags |= Node.RUNBOOK_LINK;
                default -> { }
            }
        }
        n.flags = flags;
        n.apiSize = n.kind.equals("api") ? ApiDefinitions.size(n.type, text(spec.get("definition"))) : -1;
        String bypasses = text(annotations.get(CatalogGraph.ANNOTATION_BYPASSES));
        String target = null;
        if (bypasses != null) {
            try {
                target = EntityRef.parse(bypasses.trim(), "system", metadata.path("namespace").asText("default"))
                        .toString();
            } catch (IllegalArgumentException ignored) {
                target = null;
            }
        }
        return target;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** Lifecycles and types repeat across thousands of entities; keep one copy of each value. */
    private static String intern(String s) {
        return s == null ? null : s.intern();
    }
}
