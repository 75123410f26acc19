package dev.scorecards.facts;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;

/**
 * An answer about a capability of which each voter has one current answer, the earlier ones kept as
 * history: a satisfaction rating ({@code facts.pushed.Rating}, one per voter) and a bypass reason
 * ({@link BypassAnswer}, one per team). {@link #storeAsCurrent} is the one write of both.
 */
@MappedSuperclass
public abstract class CurrentAnswer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotBlank
    @Column(name = "entity_ref")
    public String entityRef;

    public Instant at;

    public boolean current = true;

    /** The field naming who answers, as the entity calls it ({@code voter}, {@code teamRef}). */
    protected abstract String voterField();

    /** Who answers. */
    protected abstract String voter();

    /**
     * Stores this answer as its voter's current one for its capability, on the caller's transaction; true
     * when an earlier current answer became history. Under a transaction-level lock per capability and
     * voter ({@code lockKind}, capability and voter), so two answers sent at once on any replica cannot both
     * be current: the second waits, then replaces the first.
     */
    public boolean storeAsCurrent(String lockKind) {
        EntityManager em = Panache.getEntityManager(getClass());
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, lockKind + "\n" + entityRef + "\n" + voter()).getSingleResult();
        boolean replaced = em.createQuery("update " + getClass().getSimpleName() + " set current = false"
                + " where entityRef = ?1 and " + voterField() + " = ?2 and current = true")
                .setParameter(1, entityRef).setParameter(2, voter()).executeUpdate() > 0;
        current = true;
        em.persist(this);
        return replaced;
    }
}
