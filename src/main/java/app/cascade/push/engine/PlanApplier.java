package app.cascade.push.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a {@link CoursePlan} to the {@link CourseInput} it was planned from, in memory, with exactly the semantics of
 * the executor's set-based writer ({@code push.internal.PushWriter#apply}), in its order:
 * <ol>
 *     <li>section deletes;</li>
 *     <li>course deletes, each taking every section item linked to it ({@code course_item_id = any(...)});</li>
 *     <li>inserts of course items (owner: the course) and section items (owner: the write's section); the
 *     creation instant is kept to the microsecond, as the {@code timestamptz} column keeps it;</li>
 *     <li>updates by id only: every column but the owner, the type and {@code created_at} (which the writer leaves
 *     as stored) takes the write's value;</li>
 *     <li>Course Info: {@code newInfo}, when not null, replaces all six fields.</li>
 * </ol>
 * Items keep their ids; inserted items carry the ids the plan gave them. The database has no item order: the result
 * keeps the surviving items in their input order and appends inserts in plan order; the planner's result must not
 * depend on that order (docs/decisions/0013-plan-applied-in-memory.md).
 * <p>
 * Where the database would silently do nothing or fail, this is strict: a plan for another course, a delete or an
 * update of an item the course does not hold, an insert of an id it already holds, or an insert into a section of
 * another course is refused with an {@link IllegalArgumentException}. Such a plan is a planner bug.
 */
final class PlanApplier {

    private PlanApplier() {
    }

    static CourseInput apply(CoursePlan plan, CourseInput before) {
        if (plan.courseId() != before.id()) {
            throw new IllegalArgumentException("Plan for course " + plan.courseId() + " applied to course "
                    + before.id());
        }
        Map<UUID, Item> courseItems = new LinkedHashMap<>();
        before.items().forEach(i -> courseItems.put(i.id(), i));
        Map<Long, Map<UUID, Item>> sectionItems = new LinkedHashMap<>();
        for (SectionInput s : before.sections()) {
            Map<UUID, Item> items = new LinkedHashMap<>();
            s.items().forEach(i -> items.put(i.id(), i));
            sectionItems.put(s.id(), items);
        }

        for (UUID id : plan.sectionDeletes()) {
            boolean found = false;
            for (Map<UUID, Item> items : sectionItems.values()) {
                found |= items.remove(id) != null;
            }
            if (!found) {
                throw new IllegalArgumentException("Plan deletes section item " + id + ", which course "
                        + before.id() + " does not hold");
            }
        }
        Set<UUID> courseDeletes = new HashSet<>(plan.courseDeletes());
        for (UUID id : plan.courseDeletes()) {
            if (courseItems.remove(id) == null) {
                throw new IllegalArgumentException("Plan deletes course item " + id + ", which course "
                        + before.id() + " does not hold");
            }
        }
        sectionItems.values().forEach(items -> items.values()
                .removeIf(i -> i.link() != null && courseDeletes.contains(i.link())));

        List<ItemWrite> updates = new ArrayList<>();
        for (ItemWrite w : plan.writes()) {
            if (!w.insert()) {
                updates.add(w);
                continue;
            }
            Map<UUID, Item> owner = w.sectionId() == null ? courseItems : sectionItems.get(w.sectionId());
            if (owner == null) {
                throw new IllegalArgumentException("Plan inserts item " + w.item().id() + " into section "
                        + w.sectionId() + ", which is not a section of course " + before.id());
            }
            if (holds(courseItems, sectionItems, w.item().id())) {
                throw new IllegalArgumentException("Plan inserts item " + w.item().id() + ", which already exists");
            }
            Item item = w.item();
            owner.put(item.id(), new Item(item.id(), item.type(), item.values(), item.link(), item.origin(),
                    item.residual(), item.forcedNoCalc(), asStored(item.createdAt())));
        }
        for (ItemWrite w : updates) {
            Map<UUID, Item> owner = w.sectionId() == null ? courseItems
                    : sectionItems.values().stream().filter(m -> m.containsKey(w.item().id())).findFirst().orElse(null);
            Item stored = owner == null ? null : owner.get(w.item().id());
            if (stored == null) {
                throw new IllegalArgumentException("Plan updates " + (w.sectionId() == null ? "course" : "section")
                        + " item " + w.item().id() + ", which course " + before.id() + " does not hold");
            }
            Item next = w.item();
            owner.put(stored.id(), new Item(stored.id(), stored.type(), next.values(), next.link(), next.origin(),
                    next.residual(), next.forcedNoCalc(), stored.createdAt()));
        }

        List<SectionInput> sections = before.sections().stream()
                .map(s -> new SectionInput(s.id(), s.number(), s.teacher(),
                        List.copyOf(sectionItems.get(s.id()).values())))
                .toList();
        return new CourseInput(before.id(), before.school(), before.number(),
                plan.newInfo() == null ? before.info() : plan.newInfo(), before.masterId(), before.ignoreMasterPush(),
                before.termCodes(), List.copyOf(courseItems.values()), sections);
    }

    /**
     * The instant as a {@code timestamptz} column stores it: the writer sends {@link Instant#toString()} (up to
     * nanoseconds) and PostgreSQL keeps microseconds, rounding the parsed fraction with {@code rint} (half to even on
     * the double), which this mirrors.
     */
    static Instant asStored(Instant instant) {
        if (instant.getNano() % 1000 == 0) {
            return instant;
        }
        double fraction = Double.parseDouble("0." + String.format(Locale.ROOT, "%09d", instant.getNano()));
        long micros = (long) Math.rint(fraction * 1_000_000);
        return Instant.ofEpochSecond(instant.getEpochSecond()).plusNanos(micros * 1000);
    }

    private static boolean holds(Map<UUID, Item> courseItems, Map<Long, Map<UUID, Item>> sectionItems, UUID id) {
        return courseItems.containsKey(id) || sectionItems.values().stream().anyMatch(m -> m.containsKey(id));
    }
}
