package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;

import java.time.Instant;
import java.util.UUID;

/**
 * A grading-setup item on a master, a course or a section.
 *
 * @param link         course item: the master item it was pushed from; section item: the course item; else null
 * @param residual     kept only because it has dependents ("course managed")
 * @param forcedNoCalc a section calc option forced to NO_CALCULATION because its task is residual
 * @param createdAt    for "the oldest wins" among candidates
 */
public record Item(UUID id, ItemType type, ItemValues values, UUID link, Origin origin, boolean residual,
                   boolean forcedNoCalc, Instant createdAt) {

    public String key() {
        return values.matchKey(type);
    }

    public static Item master(UUID id, ItemType type, ItemValues values, Instant createdAt) {
        return new Item(id, type, values, null, Origin.MASTER, false, false, createdAt);
    }
}
