package app.cascade.catalog;

import app.cascade.grading.ItemType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One course master: its attributes, the locks of its catalog, and its grading setup grouped by data type (every
 * type present, possibly with an empty list).
 */
public record MasterDetails(long id, long catalogId, String catalogName, String number, CourseInfoValues info,
                            Set<CatalogLock> catalogLocks, Map<ItemType, List<GradingItem>> items) {

    public MasterDetails {
        catalogLocks = Set.copyOf(catalogLocks);
        Map<ItemType, List<GradingItem>> all = new EnumMap<>(ItemType.class);
        for (ItemType type : ItemType.values()) {
            all.put(type, List.copyOf(items.getOrDefault(type, List.of())));
        }
        items = java.util.Collections.unmodifiableMap(all);
    }

    public List<GradingItem> items(ItemType type) {
        return items.get(type);
    }
}
