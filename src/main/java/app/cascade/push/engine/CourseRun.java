package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.MatchKey;
import app.cascade.grading.Origin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The working state of one course while it is planned, and the rules every step applies to it (push-rules §4). */
final class CourseRun {

    /** Of the items that could take a link, the one with the most dependents wins, then the oldest, then by id. */
    static final Comparator<WorkItem> BEST_CANDIDATE = Comparator
            .comparingInt((WorkItem w) -> -w.weight)
            .thenComparing(w -> w.createdAt)
            .thenComparing(w -> w.id);

    /**
     * The order in which a course's items are planned, whatever order they come in (the database returns them in
     * none): oldest first, then by id. Which kept category becomes "Name (1)" and the order of report rows depend on
     * it, so the same course planned twice gives the same plan.
     */
    private static final Comparator<Item> LOAD_ORDER = Comparator.comparing(Item::createdAt)
            .thenComparing(Item::id);

    private final Supplier<UUID> ids;
    private final Supplier<Instant> clock;
    final CourseInput course;
    final Facts facts;
    final PushMode mode;
    final List<WorkItem> courseItems = new ArrayList<>();
    final Map<Long, List<WorkItem>> sectionItems = new LinkedHashMap<>();
    final Map<Long, String> sectionNumbers = new LinkedHashMap<>();
    final List<ReportRow> rows = new ArrayList<>();
    int relinked;
    int residual;
    int renamed;
    int infoFields;

    CourseRun(CourseInput course, Facts facts, PushMode mode, Supplier<UUID> ids, Supplier<Instant> clock) {
        this.course = course;
        this.ids = ids;
        this.clock = clock;
        this.facts = facts;
        this.mode = mode;
        course.items().stream().sorted(LOAD_ORDER).forEach(i -> courseItems.add(WorkItem.existing(null, i)));
        for (SectionInput s : course.sections()) {
            List<WorkItem> list = new ArrayList<>();
            s.items().stream().sorted(LOAD_ORDER).forEach(i -> list.add(WorkItem.existing(s.id(), i)));
            sectionItems.put(s.id(), list);
            sectionNumbers.put(s.id(), s.number());
        }
    }

    void row(Long sectionId, ItemType type, String item, String outcome, ReasonCode reason, Dependents deps,
             String message) {
        rows.add(new ReportRow(course.id(), course.school(), course.number(), course.info().name(),
                sectionId == null ? null : sectionNumbers.get(sectionId),
                type == null ? null : type.lockType().label(), item, outcome, reason, deps, message));
    }

    void sync(WorkItem w, ItemValues values, Origin origin) {
        w.values = values;
        w.origin = origin;
        w.residual = false;
    }

    WorkItem create(Long sectionId, ItemType type, ItemValues values, UUID link, Origin origin) {
        WorkItem w = WorkItem.created(sectionId, ids.get(), type, values, link, origin, clock.get());
        (sectionId == null ? courseItems : sectionItems.get(sectionId)).add(w);
        return w;
    }

    void relinked(Long sectionId, WorkItem w, String why) {
        relinked++;
        row(sectionId, w.type, w.label(), "Relinked", ReasonCode.RELINKED, facts.dependentsOf(w.id),
                "\"" + w.label() + "\" " + why + "; relinked and reset to the values pushed");
    }

    /** An item whose link target no longer exists: deleted, or kept as residual while it has dependents. */
    void danglingRule(WorkItem w) {
        Dependents deps = facts.dependentsOf(w.id);
        if (!deps.any()) {
            w.deleted = true;
            return;
        }
        w.link = null;
        boolean becomes = !w.residual;
        w.residual = true;
        if (becomes) {
            residual++;
        }
        row(w.sectionId, w.type, w.label(), "Kept as course managed", ReasonCode.RESIDUAL_HAS_DEPENDENTS, deps,
                "Removed above, but it has assignments or posted grades");
    }

    /** Overwrite: an unlinked item is wiped unless it has dependents; then it is kept, residual, every run. */
    void overwriteRule(WorkItem w) {
        Dependents deps = facts.dependentsOf(w.id);
        if (!deps.any()) {
            w.deleted = true;
            return;
        }
        if (!w.residual) {
            residual++;
        }
        w.residual = true;
        row(w.sectionId, w.type, w.label(), "Kept as course managed", ReasonCode.RESIDUAL_HAS_DEPENDENTS, deps,
                "Not overwritten because it has assignments or posted grades");
    }

    /** A kept category whose name collides with a pushed one becomes "Name (1)", "Name (2)"… */
    void renameColliding(List<WorkItem> items, Set<String> pushedKeys,
                         java.util.function.Predicate<WorkItem> isPushed) {
        Set<String> taken = new HashSet<>();
        items.stream().filter(w -> w.alive() && w.type == ItemType.CATEGORY).forEach(w -> taken.add(w.key()));
        for (WorkItem w : items) {
            if (!w.alive() || w.type != ItemType.CATEGORY || !pushedKeys.contains(w.key()) || isPushed.test(w)) {
                continue;
            }
            String base = MatchKey.trimSpaces(w.values.name());
            String name;
            int n = 1;
            do {
                name = base + " (" + n++ + ")";
            } while (taken.contains(name.toLowerCase(java.util.Locale.ROOT)));
            w.values = w.values.withName(name);
            taken.add(w.key());
            renamed++;
            row(w.sectionId, w.type, base, "Renamed", ReasonCode.RENAMED_CATEGORY, facts.dependentsOf(w.id),
                    "Renamed to \"" + name + "\" because a pushed category has the same name");
        }
    }

    WorkItem courseItem(UUID id) {
        for (WorkItem w : courseItems) {
            if (w.alive() && w.id.equals(id)) {
                return w;
            }
        }
        return null;
    }

    /**
     * Direct consequences of course-level changes: section copies of deleted course items go with them, and so
     * do the calc options and composites of a task or standard this push removed from the course — unless this
     * push itself keeps them linked to the master (or, in sections, to a course item).
     */
    void applyCourseConsequences(java.util.function.Predicate<WorkItem> pushedFromMaster) {
        Set<UUID> deletedCourseItems = new HashSet<>();
        courseItems.stream().filter(w -> w.deleted).forEach(w -> deletedCourseItems.add(w.id));
        Set<String> goneTasks = new HashSet<>();
        courseItems.stream().filter(w -> w.deleted && w.type.isTaskOrStandard()).forEach(w -> goneTasks.add(w.key()));
        courseItems.stream().filter(w -> w.alive() && w.type.isTaskOrStandard()).forEach(w -> goneTasks.remove(w.key()));
        for (WorkItem w : courseItems) {
            if (w.alive() && w.type.refersToTask() && goneTasks.contains(w.values.taskCode())
                    && !pushedFromMaster.test(w)) {
                w.deleted = true;
                deletedCourseItems.add(w.id);
            }
        }
        for (List<WorkItem> list : sectionItems.values()) {
            for (WorkItem w : list) {
                if (w.alive() && ((w.link != null && deletedCourseItems.contains(w.link))
                        || (w.type.refersToTask() && goneTasks.contains(w.values.taskCode())
                        && (w.link == null || courseItem(w.link) == null)))) {
                    w.deleted = true;
                }
            }
        }
    }

    /**
     * A section calc option is forced to NO_CALCULATION (and read-only) while its task exists at the course
     * only as residual items and the option is not linked to a non-residual course calc option. When the
     * forcing ends, it takes its course option's values, or stays NO_CALCULATION but editable.
     */
    void applyForcing() {
        Set<String> residualOnly = new HashSet<>();
        courseItems.stream().filter(w -> w.alive() && w.type.isTaskOrStandard() && w.residual)
                .forEach(w -> residualOnly.add(w.key()));
        courseItems.stream().filter(w -> w.alive() && w.type.isTaskOrStandard() && !w.residual)
                .forEach(w -> residualOnly.remove(w.key()));
        for (List<WorkItem> list : sectionItems.values()) {
            for (WorkItem w : list) {
                if (!w.alive() || w.type != ItemType.CALC_OPTION) {
                    continue;
                }
                WorkItem courseOption = w.link == null ? null : courseItem(w.link);
                boolean force = residualOnly.contains(w.values.taskCode())
                        && (courseOption == null || courseOption.residual);
                if (force) {
                    w.forcedNoCalc = true;
                    w.values = w.values.withCalcMethod(ItemValues.NO_CALCULATION);
                } else if (w.forcedNoCalc) {
                    w.forcedNoCalc = false;
                    if (courseOption != null) {
                        w.values = courseOption.values;
                    }
                }
            }
        }
    }

    CoursePlan plan(CourseOutcome outcome, CourseInfo newInfo) {
        List<ItemWrite> writes = new ArrayList<>();
        List<UUID> courseDeletes = new ArrayList<>();
        List<UUID> sectionDeletes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        if (outcome == CourseOutcome.PUSHED) {
            List<WorkItem> all = new ArrayList<>(courseItems);
            sectionItems.values().forEach(all::addAll);
            for (WorkItem w : all) {
                if (w.deleted) {
                    if (!w.isNew()) {
                        (w.sectionId == null ? courseDeletes : sectionDeletes).add(w.id);
                    }
                } else if (w.changed()) {
                    writes.add(new ItemWrite(w.sectionId, w.toItem(), w.isNew()));
                    if (w.isNew()) {
                        created++;
                    } else {
                        updated++;
                    }
                }
            }
        }
        PlanCounts counts = new PlanCounts(created, updated, relinked, courseDeletes.size() + sectionDeletes.size(),
                residual, renamed, infoFields);
        return new CoursePlan(course.id(), outcome, newInfo, writes, courseDeletes, sectionDeletes, rows, counts);
    }
}
