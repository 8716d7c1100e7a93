package app.cascade.push.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the executor's writes change when they apply a plan to the course it was planned from: the rows the writer's
 * statements ({@code push.internal.PushWriter#apply}) touch, statement by statement, in its order:
 * <ol>
 *     <li>{@code delete from section_item where id = any(sectionDeletes)}: each one DELETED;</li>
 *     <li>{@code delete from section_item where course_item_id = any(courseDeletes)}: every section item still linked
 *     to a deleted course item, listed or not, DELETED;</li>
 *     <li>{@code delete from course_item where id = any(courseDeletes)}: each one DELETED;</li>
 *     <li>inserts of course items, then of section items: each one INSERTED (no before);</li>
 *     <li>updates of course items, then of section items: each one UPDATED, with the stored row as its before, unless
 *     the write leaves the row as it was (the database keeps only rows whose {@code old.*} is distinct from
 *     {@code new.*}; an update never sets {@code created_at});</li>
 *     <li>the Course Info update: {@code infoBefore} is the course's Course Info when the plan's {@code newInfo}
 *     differs from it.</li>
 * </ol>
 * A section item's change names the section it is stored in (an insert: the write's section). Within a statement the
 * order is the plan's; the database's is unspecified, so compare the lists as sets. Strict like {@link PlanApplier}:
 * a plan that does not fit the course is refused with an {@link IllegalArgumentException}.
 */
final class PushChanges {

    private record Stored(Long sectionId, Item item) {
    }

    private PushChanges() {
    }

    static CourseChanges of(CourseInput before, CoursePlan plan) {
        if (plan.courseId() != before.id()) {
            throw new IllegalArgumentException("Plan for course " + plan.courseId() + " read against course "
                    + before.id());
        }
        Map<UUID, Stored> stored = new LinkedHashMap<>();
        before.items().forEach(i -> stored.put(i.id(), new Stored(null, i)));
        before.sections().forEach(s -> s.items().forEach(i -> stored.put(i.id(), new Stored(s.id(), i))));

        List<ItemChange> changes = new ArrayList<>();
        Set<UUID> gone = new HashSet<>();
        for (UUID id : plan.sectionDeletes()) {
            Stored s = stored.get(id);
            if (s == null || s.sectionId() == null || !gone.add(id)) {
                throw new IllegalArgumentException("Plan deletes section item " + id + ", which course "
                        + before.id() + " does not hold");
            }
            changes.add(deleted(s));
        }
        Set<UUID> courseDeletes = new HashSet<>(plan.courseDeletes());
        for (Stored s : stored.values()) {
            if (s.sectionId() != null && !gone.contains(s.item().id()) && s.item().link() != null
                    && courseDeletes.contains(s.item().link())) {
                gone.add(s.item().id());
                changes.add(deleted(s));
            }
        }
        for (UUID id : plan.courseDeletes()) {
            Stored s = stored.get(id);
            if (s == null || s.sectionId() != null || !gone.add(id)) {
                throw new IllegalArgumentException("Plan deletes course item " + id + ", which course "
                        + before.id() + " does not hold");
            }
            changes.add(deleted(s));
        }
        List<ItemWrite> writes = new ArrayList<>(plan.writes().stream().filter(w -> w.sectionId() == null).toList());
        writes.addAll(plan.writes().stream().filter(w -> w.sectionId() != null).toList());
        Set<Long> sections = new HashSet<>();
        before.sections().forEach(s -> sections.add(s.id()));
        for (ItemWrite w : writes) {
            if (w.insert()) {
                if ((stored.containsKey(w.item().id()) && !gone.contains(w.item().id()))
                        || (w.sectionId() != null && !sections.contains(w.sectionId()))) {
                    throw new IllegalArgumentException("Plan inserts item " + w.item().id() + ", which exists, or "
                            + "into section " + w.sectionId() + ", which is not one of course " + before.id());
                }
                changes.add(new ItemChange(w.sectionId(), w.item().id(), ItemChange.Kind.INSERTED, null));
            }
        }
        for (ItemWrite w : writes) {
            if (w.insert()) {
                continue;
            }
            Stored s = stored.get(w.item().id());
            if (s == null || gone.contains(w.item().id()) || (s.sectionId() == null) != (w.sectionId() == null)) {
                throw new IllegalArgumentException("Plan updates item " + w.item().id() + ", which course "
                        + before.id() + " does not hold");
            }
            if (!sameRow(s.item(), w.item())) {
                changes.add(new ItemChange(s.sectionId(), s.item().id(), ItemChange.Kind.UPDATED, s.item()));
            }
        }
        boolean infoChanges = plan.newInfo() != null && !plan.newInfo().equals(before.info());
        return new CourseChanges(before.id(), infoChanges ? before.info() : null, changes);
    }

    /** Whether an update writes the row as it is: every column it sets is equal (it never sets created_at). */
    private static boolean sameRow(Item stored, Item written) {
        return stored.type() == written.type() && stored.values().equals(written.values())
                && java.util.Objects.equals(stored.link(), written.link()) && stored.origin() == written.origin()
                && stored.residual() == written.residual() && stored.forcedNoCalc() == written.forcedNoCalc();
    }

    private static ItemChange deleted(Stored s) {
        return new ItemChange(s.sectionId(), s.item().id(), ItemChange.Kind.DELETED, s.item());
    }
}
