package dev.scorecards.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A subscription: where to send which events, for which owners and capabilities (null: all). */
@Entity
@Table(name = "notification_webhook")
public class Webhook extends PanacheEntityBase {
    @Id
    public UUID id;
    public String url;
    /** {@code webhook}, {@code slack} or {@code backstage}. */
    public String target;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] events;
    public String secret;
    public String token;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] owners;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] capabilities;
    @Column(name = "created_at")
    public Instant createdAt;
}
