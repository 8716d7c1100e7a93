package app.cascade.catalog;

import app.cascade.grading.ItemType;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One course master of a catalog's list with the size of its grading setup.
 *
 * @param items         how many items of each data type it holds (every type present, possibly 0)
 * @param lastChangedAt when its grading setup last changed in Cascade, as recorded in {@code master_change} (the
 *                      Awaiting Push report's record); null when no change is recorded. Attribute (Course Info)
 *                      changes are not recorded, so they never move it.
 */
public record MasterSummary(long id, String number, String name, long catalogId, Map<ItemType, Integer> items,
                            Instant lastChangedAt) {

    public MasterSummary {
        Map<ItemType, Integer> all = new EnumMap<>(ItemType.class);
        for (ItemType type : ItemType.values()) {
            all.put(type, items.getOrDefault(type, 0));
        }
        items = Collections.unmodifiableMap(all);
    }

    /** The items of all six types together. */
    public int itemCount() {
        return items.values().stream().mapToInt(Integer::intValue).sum();
    }
}
