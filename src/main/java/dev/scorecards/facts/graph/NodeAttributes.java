package dev.scorecards.facts.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scorecards.catalog.model.EntityRef;
import dev.scorecards.catalog.model.RawEntity;
import java.util.List;

/** Reads what facts need from a stored entity into its node: kind, title, lifecycle, type, flags, whether an API defines something. */
final class NodeAttributes {
    /** Only http and https links count as documentation, support or runbook links. */
    private static final java.util.regex.Pattern WEB_LINK = java.util.regex.Pattern.compile("(?i)^\\s*https?://\\S+");

    private static final List<String> ON_CALL = List.of("pagerduty.com/service-id", "pagerduty.com/integration-key",
            "opsgenie.com/component-selector", "opsgenie.com/team");
    /** Binds only the fields below: the rest of a stored entity (its spec's relations, tags, labels) is skipped unread. */
    private static final ObjectReader STORED = new ObjectMapper().readerFor(Stored.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Stored(JsonNode kind, Metadata metadata, Spec spec) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Metadata(JsonNode name, JsonNode namespace, JsonNode title, JsonNode description,
            JsonNode annotations, JsonNode links) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Spec(JsonNode lifecycle, JsonNode type, JsonNode profile, JsonNode definition) {
    }

    private static final Metadata NO_METADATA = new Metadata(null, null, null, null, null, null);
    private static final Spec NO_SPEC = new Spec(null, null, null, null);

    private NodeAttributes() {
    }

    /** Sets {@code n}'s attributes from {@code raw}; returns the system ref it declares to bypass, or null. */
    static String read(Node n, RawEntity raw) {
        Stored e;
        try {
            e = STORED.readValue(raw.json());
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("stored entity " + raw.ref() + " is not JSON", ex);
        }
        Metadata metadata = e.metadata() == null ? NO_METADATA : e.metadata();
        Spec spec = e.spec() == null ? NO_SPEC : e.spec();
        JsonNode annotations = path(metadata.annotations());
        n.kind = path(e.kind()).asText().toLowerCase(java.util.Locale.ROOT).intern();
        n.title = present(metadata.title()) ? metadata.title().asText()
                : path(spec.profile()).hasNonNull("displayName") ? spec.profile().get("displayName").asText()
                : path(metadata.name()).asText();
        n.lifecycle = intern(text(spec.lifecycle()));
        n.type = intern(text(spec.type()));
        n.firstIngestion = raw.firstIngestion();
        int flags = 0;
        if (!path(metadata.description()).asText("").isBlank()) {
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
        for (JsonNode link : path(metadata.links())) {
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
        n.apiDefined = n.kind.equals("api") && ApiDefinitions.defines(n.type, text(spec.definition()));
        String bypasses = text(annotations.get(CatalogGraph.ANNOTATION_BYPASSES));
        String target = null;
        if (bypasses != null) {
            try {
                target = EntityRef.parse(bypasses.trim(), "system", path(metadata.namespace()).asText("default"))
                        .toString();
            } catch (IllegalArgumentException ignored) {
                target = null;
            }
        }
        return target;
    }

    /** A field as {@link JsonNode#path} gives it: a missing one as a missing node. */
    private static JsonNode path(JsonNode v) {
        return v == null ? MissingNode.getInstance() : v;
    }

    /** Whether a field is there and not null, as {@link JsonNode#hasNonNull} tells it. */
    private static boolean present(JsonNode v) {
        return v != null && !v.isNull();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** Lifecycles and types repeat across thousands of entities; keep one copy of each value. */
    private static String intern(String s) {
        return s == null ? null : s.intern();
    }
}
