package dev.scorecards.campaigns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A campaign defined through the API (those in YAML files are never stored); target and selection as JSON. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {
    @Id
    public String id;
    public String title;
    public String description;
    @Column(name = "owner_ref")
    public String owner;
    public String target;
    public String selection;
    @Column(name = "starts_on")
    public LocalDate start;
    public LocalDate deadline;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
