package app.cascade.push.engine;

import java.util.Objects;
import java.util.UUID;

/**
 * One item a push wrote, as the push's changes keep it for an undo (issue 18): which item, of which section (null for
 * a course item), what the push did to it, and the item as it was before (null for an item the push inserted).
 *
 * @param sectionId null for a course item
 * @param before    the whole item before the push (values, link, origin, residual, forced No Calculation, created
 *                  at); null when {@code kind} is {@link Kind#INSERTED}
 */
public record ItemChange(Long sectionId, UUID itemId, Kind kind, Item before) {

    /** What the push did to the item. */
    public enum Kind {
        INSERTED, UPDATED, DELETED
    }

    public ItemChange {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.INSERTED) != (before == null)) {
            throw new IllegalArgumentException("An inserted item has no before, an updated or deleted one has: "
                    + kind + " " + itemId);
        }
        if (before != null && !before.id().equals(itemId)) {
            throw new IllegalArgumentException("The item before has another id: " + before.id() + " for " + itemId);
        }
    }
}
