package dev.scorecards.ingest.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/** A row of {@code ingest_ingestion}: one numbered, committed ingestion of a source and what it changed. */
@Entity
@Table(name = "ingest_ingestion")
public class Ingestion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    public String source;

    @Pattern(regexp = "full|delta")
    public String mode;

    @PositiveOrZero
    public int created;
    @PositiveOrZero
    public int updated;
    @PositiveOrZero
    public int unchanged;
    @PositiveOrZero
    public int removed;
    @PositiveOrZero
    public int conflicts;

    @Column(insertable = false, updatable = false)
    public Instant at;
}
