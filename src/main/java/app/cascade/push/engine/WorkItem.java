package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;

import java.time.Instant;
import java.util.UUID;

/** A mutable working copy of an item while one course is planned. */
final class WorkItem {

    final Long sectionId;
    /** The item as loaded, or null for an item this push creates. */
    final Item original;
    final UUID id;
    final ItemType type;
    final Instant createdAt;
    ItemValues values;
    UUID link;
    Origin origin;
    boolean residual;
    boolean forcedNoCalc;
    boolean deleted;
    /** Overwrite: this item's foreign link was cut (desync condition 1); it now counts as detached. */
    boolean wasForeign;
    /** Scratch: the dependents weight while candidates are compared. */
    int weight;

    private WorkItem(Long sectionId, Item original, Item state) {
        this.sectionId = sectionId;
        this.original = original;
        this.id = state.id();
        this.type = state.type();
        this.createdAt = state.createdAt();
        this.values = state.values();
        this.link = state.link();
        this.origin = state.origin();
        this.residual = state.residual();
        this.forcedNoCalc = state.forcedNoCalc();
    }

    static WorkItem existing(Long sectionId, Item item) {
        return new WorkItem(sectionId, item, item);
    }

    static WorkItem created(Long sectionId, UUID id, ItemType type, ItemValues values, UUID link, Origin origin,
                            Instant now) {
        return new WorkItem(sectionId, null, new Item(id, type, values, link, origin, false, false, now));
    }

    boolean isNew() {
        return original == null;
    }

    boolean alive() {
        return !deleted;
    }

    String key() {
        return values.matchKey(type);
    }

    String label() {
        return values.label(type);
    }

    Item toItem() {
        return new Item(id, type, values, link, origin, residual, forcedNoCalc, createdAt);
    }

    boolean changed() {
        return original == null || !original.equals(toItem());
    }
}
