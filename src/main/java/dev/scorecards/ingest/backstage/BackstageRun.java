package dev.scorecards.ingest.backstage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/** A row of {@code ingest_backstage_run}: a Backstage source's last pull, as every replica sees it. */
@Entity
@DynamicUpdate
@Table(name = "ingest_backstage_run")
public class BackstageRun extends PanacheEntityBase {
    @Id
    public String name;

    @NotBlank
    @Pattern(regexp = "manual|scheduled")
    public String trigger;

    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public Integer entities;
    public Integer created;
    public Integer updated;
    public Integer unchanged;
    public Integer removed;
    public Integer conflicts;

    public String error;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
}
