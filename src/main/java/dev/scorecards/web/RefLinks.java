package dev.scorecards.web;

import dev.scorecards.catalog.model.EntityRef;
import io.quarkus.qute.TemplateExtension;

/** Template helper: a capability ref's web page address ({@code ref.capabilityUrl}). */
@TemplateExtension
final class RefLinks {
    private RefLinks() {
    }

    static String capabilityUrl(String ref) {
        return capabilityUrl(EntityRef.parse(ref));
    }

    static String capabilityUrl(EntityRef r) {
        return "/capabilities/" + r.kind() + "/" + r.namespace() + "/" + r.name();
    }
}
