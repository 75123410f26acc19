package dev.scorecards.ingest.push;

import dev.scorecards.catalog.CatalogChanged;
import dev.scorecards.catalog.ChangeSet;
import dev.scorecards.catalog.store.CatalogWriter;
import dev.scorecards.errors.ServiceError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Removing single entities by hand ({@code DELETE /entities/by-uid}); they come back if their source still lists them. */
@ApplicationScoped
public class CatalogAdmin {
    @Inject
    CatalogWriter writer;
    @Inject
    Event<CatalogChanged> changed;

    @Transactional
    public void deleteByUid(String uid) {
        UUID id;
        try {
            id = UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            throw ServiceError.notFound("No entity with uid " + uid);
        }
        ChangeSet changes = writer.deleteByUid(id);
        if (changes == null) {
            throw ServiceError.notFound("No entity with uid " + uid);
        }
        changed.fire(new CatalogChanged(0, null, changes));
    }
}
