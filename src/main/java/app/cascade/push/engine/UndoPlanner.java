package app.cascade.push.engine;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.LockType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The undo's planner (issue 18): the course as it is now and what a push changed in it ({@link CourseChanges}) in, a
 * {@link CoursePlan} out that puts the course back as it was before the push, for the same executor and writer as a
 * push. No I/O. Per course, all or nothing:
 * <ul>
 *     <li><b>Restored</b> (outcome {@link CourseOutcome#PUSHED}): items the push deleted are inserted again with their
 *     original ids and everything they had (values, link, origin, residual, forced No Calculation, created at; a
 *     section item in its section); items it updated are written back as they were (names included); items it
 *     inserted are deleted (a course item with the section copies the push inserted); Course Info gets its fields
 *     back. One {@link ReasonCode#RESTORED} row per item ("Re-created", "Restored", "Deleted") and one for Course
 *     Info; the counts say created, updated and deleted as the rows do.</li>
 *     <li><b>Refused</b> (outcome {@link CourseOutcome#SKIPPED}, nothing written, exactly one
 *     {@link ReasonCode#CHANGED_SINCE_PUSH} row): when the course changed after the push committed it (decided by the
 *     caller from the course's stamps); when an item the undo would delete has dependents (assignments or posted
 *     grades: never deleted, even if the stamps missed the change); or when the course does not fit the changes (an
 *     item to re-create is there already, an item to restore or delete is missing, or a deleted course item would
 *     take a section item the push did not insert). The row's details name the item.</li>
 *     <li><b>Already as before</b> (outcome {@link CourseOutcome#PUSHED}, an empty plan, no rows): every change is
 *     undone already, e.g. by an attempt that committed before a crash. Planning the undo again writes nothing and
 *     reports nothing, so a resumed undo never writes or reports a course twice.</li>
 * </ul>
 * One case needs more than a write back: the writer deletes a course item's section copies by link before it updates
 * anything ({@link PlanApplier}), so a section item the push relinked to a course item it inserted would go with that
 * course item. The undo deletes it with it and inserts it again as it was before the push (same id, same everything)
 * when it has no dependents, and refuses the course when it has.
 */
public final class UndoPlanner {

    private UndoPlanner() {
    }

    /**
     * Plans putting {@code course} back as it was before the push that made {@code changes}.
     *
     * @param course           the course as it is now, as the push loader reads it
     * @param changedSincePush true when anything in the course changed after the push committed it (its stamp)
     * @param dependents       gradebook counts per item id, absent = none, as the push planner receives them
     *                         ({@link Facts#dependents()}); read only for the items the undo would delete, so a
     *                         {@link Facts.Lookup} sees which items to count
     */
    public static CoursePlan plan(CourseInput course, CourseChanges changes, boolean changedSincePush,
                                  Map<UUID, Dependents> dependents) {
        if (course.id() != changes.courseId()) {
            throw new IllegalArgumentException("Changes of course " + changes.courseId() + " for course "
                    + course.id());
        }
        Undo undo = new Undo(course, changes);
        if (changedSincePush) {
            return undo.refuse(null, null, Dependents.NONE, "Changed after the push: left as it is");
        }
        if (undo.alreadyAsBefore()) {
            return new CoursePlan(course.id(), CourseOutcome.PUSHED, null, List.of(), List.of(), List.of(),
                    List.of(), PlanCounts.ZERO);
        }
        CoursePlan misfit = undo.misfit();
        if (misfit != null) {
            return misfit;
        }
        return undo.restore(dependents);
    }

    /** One course's undo while it is planned. */
    private static final class Undo {
        final CourseInput course;
        final CourseChanges changes;
        /** Every item of the course now, course items under a null section. */
        final Map<UUID, Placed> now = new HashMap<>();
        final Map<Long, String> sectionNumbers = new LinkedHashMap<>();

        record Placed(Long sectionId, Item item) {
        }

        Undo(CourseInput course, CourseChanges changes) {
            this.course = course;
            this.changes = changes;
            course.items().forEach(i -> now.put(i.id(), new Placed(null, i)));
            for (SectionInput s : course.sections()) {
                sectionNumbers.put(s.id(), s.number());
                s.items().forEach(i -> now.put(i.id(), new Placed(s.id(), i)));
            }
        }

        boolean alreadyAsBefore() {
            if (changes.infoBefore() != null && !changes.infoBefore().equals(course.info())) {
                return false;
            }
            for (ItemChange c : changes.items()) {
                Placed p = now.get(c.itemId());
                boolean asBefore = c.kind() == ItemChange.Kind.INSERTED ? p == null
                        : p != null && sameSection(p, c) && p.item().equals(c.before());
                if (!asBefore) {
                    return false;
                }
            }
            return true;
        }

        /** The refusal of a course that does not fit the changes, or null when it fits. */
        CoursePlan misfit() {
            Set<UUID> seen = new HashSet<>();
            for (ItemChange c : changes.items()) {
                Placed p = now.get(c.itemId());
                String problem = !seen.add(c.itemId()) ? "is listed twice in what the push changed"
                        : c.sectionId() != null && !sectionNumbers.containsKey(c.sectionId())
                        ? "belongs to a section the course no longer has"
                        : c.kind() == ItemChange.Kind.DELETED ? (p != null ? "is there again" : null)
                        : p == null || !sameSection(p, c) ? "is missing" : null;
                if (problem != null) {
                    Item item = c.before() != null ? c.before() : p != null ? p.item() : null;
                    return refuse(c.sectionId(), item, Dependents.NONE,
                            "The course does not match what the push changed: " + describe(item, c) + " " + problem
                                    + "; left as it is");
                }
            }
            Set<UUID> inserted = ids(ItemChange.Kind.INSERTED);
            Set<UUID> updated = ids(ItemChange.Kind.UPDATED);
            for (SectionInput s : course.sections()) {
                for (Item i : s.items()) {
                    if (i.link() != null && inserted.contains(i.link()) && !inserted.contains(i.id())
                            && !updated.contains(i.id())) {
                        return refuse(s.id(), i, Dependents.NONE, "The course does not match what the push "
                                + "changed: \"" + label(i) + "\" is linked to an item the push created; left as it is");
                    }
                }
            }
            return null;
        }

        CoursePlan restore(Map<UUID, Dependents> dependents) {
            Set<UUID> courseDeletes = new HashSet<>();
            changes.items().stream().filter(c -> c.kind() == ItemChange.Kind.INSERTED && c.sectionId() == null)
                    .forEach(c -> courseDeletes.add(c.itemId()));
            List<ItemWrite> writes = new ArrayList<>();
            List<UUID> courseDeleteList = new ArrayList<>();
            List<UUID> sectionDeletes = new ArrayList<>();
            List<ReportRow> rows = new ArrayList<>();
            int created = 0;
            int updated = 0;
            int deleted = 0;
            for (ItemChange c : changes.items()) {
                switch (c.kind()) {
                    case DELETED -> {
                        writes.add(new ItemWrite(c.sectionId(), c.before(), true));
                        created++;
                        rows.add(row(c.sectionId(), c.before(), "Re-created",
                                "Deleted by the push; created again with its values from before"));
                    }
                    case UPDATED -> {
                        Item current = now.get(c.itemId()).item();
                        boolean goesWithItsLink = c.sectionId() != null && current.link() != null
                                && courseDeletes.contains(current.link());
                        if (goesWithItsLink) {
                            Dependents deps = dependents.getOrDefault(c.itemId(), Dependents.NONE);
                            if (deps.any()) {
                                return keepsGrades(c.sectionId(), current, deps, "\"" + label(current) + "\" has grades "
                                        + "or assignments and would go with the item the push created; left as it is");
                            }
                            sectionDeletes.add(c.itemId());
                        }
                        writes.add(new ItemWrite(c.sectionId(), c.before(), goesWithItsLink));
                        updated++;
                        rows.add(row(c.sectionId(), c.before(), "Restored", restored(current, c.before())));
                    }
                    case INSERTED -> {
                        Item current = now.get(c.itemId()).item();
                        Dependents deps = dependents.getOrDefault(c.itemId(), Dependents.NONE);
                        if (deps.any()) {
                            return keepsGrades(c.sectionId(), current, deps, "\"" + label(current) + "\" was created by "
                                    + "the push and has grades or assignments, so it is not deleted; left as it is");
                        }
                        (c.sectionId() == null ? courseDeleteList : sectionDeletes).add(c.itemId());
                        deleted++;
                        rows.add(row(c.sectionId(), current, "Deleted", "Created by the push; deleted"));
                    }
                }
            }
            int infoFields = 0;
            if (changes.infoBefore() != null) {
                List<String> fields = new ArrayList<>();
                for (CourseInfoField f : CourseInfoField.values()) {
                    if (!course.info().sameAs(changes.infoBefore(), f)) {
                        fields.add(label(f));
                    }
                }
                infoFields = fields.size();
                rows.add(new ReportRow(course.id(), course.school(), course.number(), course.info().name(), null,
                        LockType.COURSE_INFO.label(), String.join(", ", fields), "Restored", ReasonCode.RESTORED,
                        Dependents.NONE, "Put back as before the push"));
            }
            PlanCounts counts = new PlanCounts(created, updated, 0, deleted, 0, 0, infoFields);
            return new CoursePlan(course.id(), CourseOutcome.PUSHED, changes.infoBefore(), writes, courseDeleteList,
                    sectionDeletes, rows, counts);
        }

        CoursePlan refuse(Long sectionId, Item item, Dependents deps, String message) {
            return refuse(sectionId, item, deps, message, ReasonCode.CHANGED_SINCE_PUSH);
        }

        /** The course is left as it is: putting it back would delete an item that has grades or assignments. */
        CoursePlan keepsGrades(Long sectionId, Item item, Dependents deps, String message) {
            return refuse(sectionId, item, deps, message, ReasonCode.UNDO_KEEPS_GRADES);
        }

        private CoursePlan refuse(Long sectionId, Item item, Dependents deps, String message, ReasonCode reason) {
            ReportRow row = new ReportRow(course.id(), course.school(), course.number(), course.info().name(),
                    sectionId == null ? null : sectionNumbers.get(sectionId),
                    item == null ? null : item.type().lockType().label(), item == null ? null : label(item),
                    "Not restored", reason, deps, message);
            return new CoursePlan(course.id(), CourseOutcome.SKIPPED, null, List.of(), List.of(), List.of(),
                    List.of(row), PlanCounts.ZERO);
        }

        private ReportRow row(Long sectionId, Item item, String outcome, String message) {
            return new ReportRow(course.id(), course.school(), course.number(), course.info().name(),
                    sectionId == null ? null : sectionNumbers.get(sectionId), item.type().lockType().label(),
                    label(item), outcome, ReasonCode.RESTORED, Dependents.NONE, message);
        }

        private Set<UUID> ids(ItemChange.Kind kind) {
            Set<UUID> ids = new HashSet<>();
            changes.items().stream().filter(c -> c.kind() == kind).forEach(c -> ids.add(c.itemId()));
            return ids;
        }

        private static boolean sameSection(Placed p, ItemChange c) {
            return Objects.equals(p.sectionId(), c.sectionId());
        }

        private static String restored(Item now, Item before) {
            return now.values().name().equals(before.values().name()) ? "Put back as before the push"
                    : "Put back as before the push; renamed back from \"" + now.values().name() + "\"";
        }

        private static String describe(Item item, ItemChange c) {
            return item == null ? "an item the push " + c.kind().name().toLowerCase(Locale.ROOT)
                    : "\"" + label(item) + "\"";
        }

        private static String label(Item item) {
            return item.values().label(item.type());
        }

        private static String label(CourseInfoField field) {
            return switch (field) {
                case name -> "Name";
                case stateCode -> "State code";
                case department -> "Department";
                case credits -> "Credits";
                case gpaWeight -> "GPA weight";
                case description -> "Description";
            };
        }
    }
}
