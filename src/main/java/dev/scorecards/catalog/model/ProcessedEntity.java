package dev.scorecards.catalog.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scorecards.catalog.model.SearchDocument;
import java.util.List;

/**
 * A document that passed every Backstage rule: the entity as it will be stored (namespace defaulted,
 * root fields in Backstage's order) — also as JSON text split where its metadata ends
 * ({@code head + tail + "}"}) — the relations it declares, its search index and a hash of its content.
 */
public record ProcessedEntity(EntityRef ref, ObjectNode entity, String head, String tail, List<Relation> relations,
        SearchDocument search, String hash) {

    public String kind() {
        return entity.get("kind").asText();
    }
}
