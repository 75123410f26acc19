package dev.scorecards.catalog.processing;

import dev.scorecards.catalog.model.EntityProblem;
import dev.scorecards.catalog.model.ProcessedEntity;
import java.util.List;

/** What processing one document gave: the entity, or the problems that stop it (never both). */
public record ProcessingResult(ProcessedEntity entity, String ref, List<EntityProblem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
