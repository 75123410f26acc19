package dev.scorecards.ingest.push;

import dev.scorecards.catalog.store.CatalogWriter;
import dev.scorecards.errors.ServiceError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Removing single entities by hand ({@code DELETE /entities/by-uid}); they come back if their source still lists them. */
@ApplicationScoped
public class CatalogAdmin {
    private final CatalogWriter writer;

    @Inject
    CatalogAdmin(CatalogWriter writer) {
        this.writer = writer;
    }

    @Transactional
    public void deleteByUid(String uid) {
        UUID id;
        try {
            id = UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            throw ServiceError.notFound("No entity with uid " + uid);
        }
        if (writer.deleteByUid(id) == null) {
            throw ServiceError.notFound("No entity with uid " + uid);
        }
    }
}
