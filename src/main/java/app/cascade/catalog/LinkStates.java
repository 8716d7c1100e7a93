package app.cascade.catalog;

import app.cascade.grading.ItemType;

import java.util.Set;

/** The link-state rules of push-rules §1, as pure functions. */
public final class LinkStates {

    private LinkStates() {
    }

    /**
     * A course item is LOCKED when it is linked, its type is locked in the catalog of the course's master, it is not an
     * assessment, and the course is not Ignore Master Push.
     */
    public static ItemLinkState courseItem(boolean linked, ItemType type, Set<CatalogLock> catalogLocks,
                                           boolean ignoreMasterPush) {
        if (!linked) {
            return ItemLinkState.UNLINKED;
        }
        boolean locked = type != ItemType.ASSESSMENT && !ignoreMasterPush
                && catalogLocks.contains(CatalogLock.of(type));
        return locked ? ItemLinkState.LOCKED : ItemLinkState.LINKED_UNLOCKED;
    }

    /**
     * A section item is LOCKED when it is linked to a course item that is itself LOCKED. {@code courseItemState} is the
     * state of the course item it links to, or null when that item does not exist (any more).
     */
    public static ItemLinkState sectionItem(boolean linked, ItemLinkState courseItemState) {
        if (!linked) {
            return ItemLinkState.UNLINKED;
        }
        return courseItemState == ItemLinkState.LOCKED ? ItemLinkState.LOCKED : ItemLinkState.LINKED_UNLOCKED;
    }

    /** A Course Info field is locked on a course linked to a master whose catalog locks it, unless Ignore Master Push. */
    public static boolean courseInfoLocked(CatalogLock field, boolean hasMaster, Set<CatalogLock> catalogLocks,
                                           boolean ignoreMasterPush) {
        return field.courseInfoField() && hasMaster && !ignoreMasterPush && catalogLocks.contains(field);
    }
}
