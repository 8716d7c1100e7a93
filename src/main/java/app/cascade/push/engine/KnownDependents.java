package app.cascade.push.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The dependents read so far for a chunk of courses: every item read, and the counts of those that have any. The
 * planner step adds what it reads; after a chunk's writes, {@link #after} keeps what the writes cannot have changed,
 * so planning the written courses again reads only the rest. Plain data, not thread-safe: one chunk at a time.
 */
public final class KnownDependents {

    private final Map<UUID, Dependents> counts = new HashMap<>();
    private final Set<UUID> read = new HashSet<>();

    /** Dependents already known: {@code read} items, of which those in {@code counts} have the given ones. */
    public static KnownDependents of(Map<UUID, Dependents> counts, Collection<UUID> read) {
        KnownDependents known = new KnownDependents();
        known.add(read, counts);
        return known;
    }

    /** Records {@code items} as read, with the counts of those among them that have dependents. */
    public void add(Collection<UUID> items, Map<UUID, Dependents> found) {
        read.addAll(items);
        found.forEach((id, d) -> {
            if (read.contains(id)) {
                counts.put(id, d);
            }
        });
    }

    /** The item's dependents if they are known ({@link Dependents#NONE} when read and none), else null. */
    public Dependents known(UUID itemId) {
        return read.contains(itemId) ? counts.getOrDefault(itemId, Dependents.NONE) : null;
    }

    /** Of {@code items}, those not read yet. */
    public Set<UUID> unread(Collection<UUID> items) {
        Set<UUID> missing = new HashSet<>(items);
        missing.removeAll(read);
        return missing;
    }

    /** The counts known so far (items without dependents are absent), as a read-only view. */
    public Map<UUID, Dependents> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /**
     * What is still true once {@code plans} are written over {@code before} (their courses as planned). The
     * gradebook rows do not change (the invariant), so an item's counts change only through what the dependents
     * query joins besides them (push.internal.GradebookReads#dependents): the section copies of a course item (which
     * section items link to it), and for calc options and composites their task code and term and the codes of the
     * course's tasks. An item's own other columns count for nothing: its assignments and posted grades name it by id.
     * Forgotten: every item a plan deletes, the course items that a written or deleted section item links to before
     * or after, and every calc option and composite. A newly inserted item that is not a calc option or composite has
     * nothing yet (new id), and is known as such.
     */
    public KnownDependents after(List<CoursePlan> plans, Map<Long, CourseInput> before) {
        Set<UUID> stale = new HashSet<>();
        Set<UUID> inserted = new HashSet<>();
        for (CoursePlan plan : plans) {
            CourseInput course = before.get(plan.courseId());
            Map<UUID, Item> sectionItems = new HashMap<>();
            course.items().forEach(i -> {
                if (i.type().refersToTask()) {
                    stale.add(i.id());
                }
            });
            course.sections().forEach(sec -> sec.items().forEach(i -> {
                sectionItems.put(i.id(), i);
                if (i.type().refersToTask()) {
                    stale.add(i.id());
                }
            }));
            for (ItemWrite write : plan.writes()) {
                Item item = write.item();
                if (write.insert() && !item.type().refersToTask()) {
                    inserted.add(item.id());
                }
                if (write.sectionId() != null) {
                    addLink(stale, item);
                    addLink(stale, sectionItems.get(item.id()));
                }
            }
            for (UUID id : plan.sectionDeletes()) {
                stale.add(id);
                addLink(stale, sectionItems.get(id));
            }
            stale.addAll(plan.courseDeletes());
        }
        KnownDependents kept = new KnownDependents();
        counts.forEach((id, d) -> {
            if (!stale.contains(id)) {
                kept.counts.put(id, d);
            }
        });
        read.forEach(id -> {
            if (!stale.contains(id)) {
                kept.read.add(id);
            }
        });
        kept.read.addAll(inserted);
        return kept;
    }

    private static void addLink(Set<UUID> stale, Item item) {
        if (item != null && item.link() != null) {
            stale.add(item.link());
        }
    }
}
