package dev.scorecards.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one subscription: written by the outbox with the change that caused it,
 * claimed and updated by the {@link Sender}; its id is the receiver's idempotency key.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public long seq;
    @Column(name = "webhook_id")
    public UUID webhookId;
    @Column(name = "event_id")
    public long eventId;
    /** {@code pending}, {@code delivered} or {@code failed}. */
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
