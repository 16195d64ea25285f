package org.ceasefire.ccm.base;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is chosen before it is stored (a client's idempotency key, an audit sequence number). Spring
 * Data cannot tell from such an id whether the entity is new, and would merge (select, then insert); this tracks
 * newness instead, so a new entity is inserted straight away. Subclasses may also register domain events.
 */
@MappedSuperclass
public abstract class AssignedIdEntity<T extends AssignedIdEntity<T, ID>, ID> extends AbstractAggregateRoot<T>
        implements Persistable<ID> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        this.isNew = false;
    }
}
