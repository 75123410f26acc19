package dev.scorecards.ingest.location;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A row of {@code ingest_location}: a registered location, read again on a schedule. An update writes
 * only the columns it changed (a refresh's time and error never overwrite a new target).
 */
@Entity
@DynamicUpdate
@Table(name = "ingest_location")
public class LocationRow extends PanacheEntityBase {
    @Id
    public UUID id;

    @NotBlank
    @Column(name = "type")
    public String locationType;

    @NotBlank
    public String target;

    /** Set once a location is pointed at a new target; null: derived from type and target. */
    @Column(name = "entity_name")
    public String entityName;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "refreshed_at")
    public Instant refreshedAt;

    @Column(name = "last_error")
    public String lastError;

    Location toLocation() {
        return new Location(id.toString(), locationType, target,
                "location:default/" + (entityName != null ? entityName : LocationCrawler.generatedName(locationType, target)));
    }
}
