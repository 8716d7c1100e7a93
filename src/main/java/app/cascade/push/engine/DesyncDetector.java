package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The three desync conditions of push-rules §3, checked only for the given types (selected and locked). Course Info
 * never desyncs and residual items never count. Also used by the Course Audit Report.
 */
public final class DesyncDetector {

    private DesyncDetector() {
    }

    public static List<Desync> detect(MasterInput master, List<Item> courseItems, Facts facts,
                                      Set<LockType> checkedTypes) {
        Set<UUID> masterIds = new HashSet<>();
        Map<ItemType, Set<String>> masterKeys = new HashMap<>();
        for (Item m : master.items()) {
            masterIds.add(m.id());
            masterKeys.computeIfAbsent(m.type(), t -> new HashSet<>()).add(m.key());
        }
        List<Desync> found = new ArrayList<>();
        Map<UUID, List<Item>> byLink = new HashMap<>();
        List<Item> items = courseItems.stream()
                .filter(i -> checkedTypes.contains(i.type().lockType()) && !i.residual())
                .sorted(Comparator.comparing(Item::createdAt).thenComparing(Item::id))
                .toList();
        for (Item item : items) {
            String label = item.values().label(item.type());
            if (item.link() != null) {
                Long owner = facts.ownerOf(item.link()).orElse(null);
                if (owner != null && owner != master.id()) {
                    found.add(new Desync(item.type(), 1, item.id(), label,
                            "\"" + label + "\" links to an item of another course master (id " + owner + ")"));
                } else if (masterIds.contains(item.link())) {
                    byLink.computeIfAbsent(item.link(), l -> new ArrayList<>()).add(item);
                }
            } else if (masterKeys.getOrDefault(item.type(), Set.of()).contains(item.key())
                    && !(item.type() == ItemType.CATEGORY && item.origin() == Origin.COURSE)) {
                found.add(new Desync(item.type(), 3, item.id(), label,
                        "\"" + label + "\" is not linked but has the key of a master item"));
            }
        }
        byLink.values().stream().filter(list -> list.size() > 1).forEach(list -> {
            Item first = list.getFirst();
            String label = first.values().label(first.type());
            found.add(new Desync(first.type(), 2, first.id(), label,
                    list.size() + " items are linked to the master's \"" + label + "\""));
        });
        return found;
    }
}
