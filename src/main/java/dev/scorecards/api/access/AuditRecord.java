package dev.scorecards.api.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A row of {@code api_audit}: one write request, who made it and how it was answered. */
@Entity
@Table(name = "api_audit")
public class AuditRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Set by the database ({@code clock_timestamp()}) when the row is written. */
    @Column(insertable = false, updatable = false)
    public Instant at;

    @NotNull
    @Size(max = AuditLog.MAX_TEXT)
    public String actor;

    @NotNull
    public String method;

    @NotNull
    @Size(max = AuditLog.MAX_TEXT)
    public String path;

    @Size(max = AuditLog.MAX_TEXT)
    public String query;

    @NotNull
    public String operation;

    public int status;

    @Size(max = AuditLog.MAX_TEXT)
    public String target;
}
