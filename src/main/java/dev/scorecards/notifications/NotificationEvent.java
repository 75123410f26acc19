package dev.scorecards.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event in the outbox (written by {@link Outbox}, read here for the delivery log). */
@Entity
@Table(name = "notification_event")
public class NotificationEvent extends PanacheEntityBase {
    @Id
    public long id;
    public String type;
    @Column(name = "entity_ref")
    public String entityRef;
    @Column(name = "owner_ref")
    public String ownerRef;
    @Column(name = "campaign_id")
    public String campaignId;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
}
