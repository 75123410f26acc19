package dev.scorecards.badges;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** A row of {@code badge_ids}: the opaque id given to an entity, once. */
@Entity
@Table(name = "badge_ids")
public class BadgeId extends PanacheEntityBase {
    @Id
    public String id;

    @NotNull
    @Column(name = "entity_ref")
    public String entityRef;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
