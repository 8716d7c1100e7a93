package app.cascade.push.engine;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.grading.MatchKey;
import app.cascade.grading.Origin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The push engine's planner: records in, a {@link CoursePlan} out, no I/O (push-rules §3–§4, §7). One planner call
 * plans one course with its sections; the executor applies the plan in one transaction.
 */
public final class PushPlanner {

    private static final Comparator<WorkItem> BEST_CANDIDATE = Comparator
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

    public PushPlanner(Supplier<UUID> ids, Supplier<Instant> clock) {
        this.ids = ids;
        this.clock = clock;
    }

    public static PushPlanner standard() {
        return new PushPlanner(UUID::randomUUID, Instant::now);
    }

    /** Request-level rows: {@code NOT_LOCKED} once per selected type that the catalog does not lock. */
    public List<ReportRow> requestRows(Locks locks, PushOptions options) {
        List<ReportRow> rows = new ArrayList<>();
        for (LockType type : LockType.values()) {
            if (options.types().contains(type) && !locks.isLocked(type)) {
                rows.add(new ReportRow(null, null, null, null, null, type.label(), null, "Not pushed",
                        ReasonCode.NOT_LOCKED, Dependents.NONE,
                        type.label() + " is not locked in the catalog, so it was not pushed"));
            }
        }
        return rows;
    }

    /** Push All Course Masters and Push to Courses: master → course (→ sections). */
    public CoursePlan planMasterPush(MasterInput master, CourseInput course, Locks locks, PushOptions options,
                                     Facts facts) {
        Run run = new Run(course, facts, options.mode());
        if (course.ignoreMasterPush()) {
            run.row(null, null, null, "Skipped", ReasonCode.SKIPPED_IGNORE_MASTER_PUSH, Dependents.NONE,
                    "The course is marked Ignore Master Push");
            return run.plan(CourseOutcome.SKIPPED, null);
        }
        Set<LockType> active = EnumSet.noneOf(LockType.class);
        options.types().stream().filter(t -> t != LockType.COURSE_INFO && locks.isLocked(t)).forEach(active::add);
        if (options.mode() == PushMode.PUSH_LOCKED) {
            List<Desync> desyncs = DesyncDetector.detect(master, course.items(), facts, active);
            if (!desyncs.isEmpty()) {
                for (Desync d : desyncs) {
                    run.row(null, d.type(), d.item(), "Not pushed: course is desynced", ReasonCode.DESYNCED,
                            Dependents.NONE, d.describe());
                }
                return run.plan(CourseOutcome.DESYNCED, null);
            }
        }
        MasterStep step = new MasterStep(run, master, active);
        step.apply();
        run.applyCourseConsequences(w -> w.link != null && step.masterIds.contains(w.link));
        Set<ItemType> sectionTypes = sectionTypes(active);
        for (SectionInput section : course.sections()) {
            if (options.toSections()) {
                run.pushToSection(section.id(), sectionTypes);
            } else if (options.mode() == PushMode.OVERWRITE) {
                run.wipeSection(section.id(), sectionTypes);
            }
        }
        run.applyForcing();
        CourseInfo newInfo = null;
        if (options.types().contains(LockType.COURSE_INFO) && !locks.fields().isEmpty()) {
            CourseInfo info = course.info();
            for (CourseInfoField field : CourseInfoField.values()) {
                if (locks.fields().contains(field) && !info.sameAs(master.info(), field)) {
                    info = info.with(field, master.info().get(field));
                    run.infoFields++;
                }
            }
            newInfo = run.infoFields > 0 ? info : null;
        }
        return run.plan(CourseOutcome.PUSHED, newInfo);
    }

    /** Push All Courses: course → sections, every selected type counting as locked (push-rules §7). */
    public CoursePlan planCoursePush(CourseInput course, PushOptions options, Facts facts) {
        Run run = new Run(course, facts, options.mode());
        Set<ItemType> sectionTypes = sectionTypes(options.types());
        for (SectionInput section : course.sections()) {
            run.pushToSection(section.id(), sectionTypes);
        }
        run.applyForcing();
        return run.plan(CourseOutcome.PUSHED, null);
    }

    private static Set<ItemType> sectionTypes(Set<LockType> active) {
        Set<ItemType> types = EnumSet.noneOf(ItemType.class);
        for (ItemType t : ItemType.values()) {
            if (t.sectionLevel() && active.contains(t.lockType())) {
                types.add(t);
            }
        }
        return types;
    }

    /** Course level: the three steps for each master item, then the leftovers (push-rules §4). */
    private final class MasterStep {
        private final Run run;
        private final MasterInput master;
        private final Set<LockType> active;
        final Set<UUID> masterIds = new HashSet<>();

        MasterStep(Run run, MasterInput master, Set<LockType> active) {
            this.run = run;
            this.master = master;
            this.active = active;
            master.items().forEach(m -> masterIds.add(m.id()));
        }

        void apply() {
            if (run.mode == PushMode.OVERWRITE) {
                for (WorkItem w : run.courseItems) {
                    if (isActive(w.type) && w.link != null && isForeign(w.link)) {
                        w.link = null;
                        w.wasForeign = true;
                    }
                }
            }
            for (ItemType type : ItemType.values()) {
                if (!isActive(type)) {
                    continue;
                }
                master.items().stream().filter(m -> m.type() == type)
                        .sorted(Comparator.comparingInt((Item m) -> m.values().seq()).thenComparing(Item::key))
                        .forEach(this::pushMasterItem);
                leftovers(type);
            }
            if (isActive(ItemType.CATEGORY)) {
                Set<String> pushed = new HashSet<>();
                run.courseItems.stream().filter(w -> w.alive() && w.type == ItemType.CATEGORY && w.link != null
                        && masterIds.contains(w.link)).forEach(w -> pushed.add(w.key()));
                run.renameColliding(run.courseItems, pushed, w -> w.link != null && masterIds.contains(w.link));
            }
        }

        private boolean isActive(ItemType type) {
            return active.contains(type.lockType());
        }

        private boolean isForeign(UUID link) {
            return run.facts.ownerOf(link).filter(owner -> owner != master.id()).isPresent();
        }

        private boolean isDangling(UUID link) {
            return link != null && !masterIds.contains(link) && run.facts.ownerOf(link).isEmpty();
        }

        private void pushMasterItem(Item m) {
            if (m.type().refersToTask() && !run.course.termCodes().contains(m.values().termCode())) {
                run.row(null, m.type(), m.values().label(m.type()), "Not pushed", ReasonCode.TERM_NOT_IN_CALENDAR,
                        Dependents.NONE, "Term " + m.values().termCode() + " is not in the course's calendar");
                return;
            }
            List<WorkItem> linked = run.courseItems.stream()
                    .filter(w -> w.alive() && w.type == m.type() && m.id().equals(w.link)).toList();
            if (linked.size() == 1) {
                run.sync(linked.getFirst(), m.values(), Origin.MASTER);
                return;
            }
            boolean overwrite = run.mode == PushMode.OVERWRITE;
            List<WorkItem> candidates = new ArrayList<>(run.courseItems.stream()
                    .filter(w -> w.alive() && w.type == m.type() && w.key().equals(m.key()) && !linked.contains(w))
                    .filter(w -> w.residual || isDangling(w.link) || (overwrite && (w.wasForeign
                            || (w.link == null && (w.type != ItemType.CATEGORY || w.origin == Origin.MASTER)))))
                    .toList());
            if (overwrite) {
                candidates.addAll(linked);
            }
            if (candidates.isEmpty()) {
                run.create(null, m.type(), m.values(), m.id(), Origin.MASTER);
                return;
            }
            candidates.forEach(c -> c.weight = run.facts.dependentsOf(c.id).weight());
            WorkItem pick = candidates.stream().min(BEST_CANDIDATE).orElseThrow();
            String why = pick.residual ? "was residual (course managed)"
                    : pick.wasForeign ? "was linked to another course master"
                    : linked.size() > 1 && linked.contains(pick) ? "was one of " + linked.size()
                            + " items linked to the same master item"
                    : pick.link == null ? "was detached from the master" : null;
            pick.link = m.id();
            pick.residual = false;
            run.sync(pick, m.values(), Origin.MASTER);
            if (why != null) {
                run.relinked(null, pick, why);
            }
            for (WorkItem other : candidates) {
                if (other != pick) {
                    if (isDangling(other.link)) {
                        run.danglingRule(other);
                    } else {
                        other.link = null;
                    }
                }
            }
        }

        private void leftovers(ItemType type) {
            for (WorkItem w : run.courseItems) {
                if (!w.alive() || w.type != type || w.isNew()) {
                    continue;
                }
                if (w.link != null) {
                    if (isDangling(w.link)) {
                        run.danglingRule(w);
                    }
                } else if (run.mode == PushMode.OVERWRITE) {
                    run.overwriteRule(w);
                }
            }
        }
    }

    /** The working state of one course while it is planned. */
    private final class Run {
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

        Run(CourseInput course, Facts facts, PushMode mode) {
            this.course = course;
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

        /** Section level with "Push locked data to sections" (or Push All Courses). */
        void pushToSection(long sectionId, Set<ItemType> types) {
            List<WorkItem> pool = sectionItems.get(sectionId);
            boolean overwrite = mode == PushMode.OVERWRITE;
            for (ItemType type : ItemType.values()) {
                if (!types.contains(type)) {
                    continue;
                }
                List<WorkItem> sources = courseItems.stream()
                        .filter(w -> w.alive() && w.type == type && !w.residual)
                        .sorted(Comparator.comparingInt((WorkItem w) -> w.values.seq()).thenComparing(WorkItem::key))
                        .toList();
                Set<UUID> sourceIds = new HashSet<>();
                for (WorkItem source : sources) {
                    sourceIds.add(source.id);
                    List<WorkItem> linked = pool.stream()
                            .filter(w -> w.alive() && w.type == type && source.id.equals(w.link)).toList();
                    if (linked.size() == 1) {
                        sync(linked.getFirst(), source.values, source.origin);
                        continue;
                    }
                    List<WorkItem> candidates = new ArrayList<>(pool.stream()
                            .filter(w -> w.alive() && w.type == type && w.key().equals(source.key())
                                    && !linked.contains(w))
                            .filter(w -> w.residual || (w.link != null && courseItem(w.link) == null)
                                    || (w.link == null && (type.refersToTask()
                                    || (overwrite && (type != ItemType.CATEGORY || w.origin == Origin.MASTER)))))
                            .toList());
                    candidates.addAll(linked);
                    if (candidates.isEmpty()) {
                        create(sectionId, type, source.values, source.id, source.origin);
                        continue;
                    }
                    candidates.forEach(c -> c.weight = facts.dependentsOf(c.id).weight());
                    WorkItem pick = candidates.stream().min(BEST_CANDIDATE).orElseThrow();
                    String why = pick.residual ? "was residual (course managed)"
                            : linked.size() > 1 && linked.contains(pick) ? "was one of " + linked.size()
                                    + " items linked to the same course item"
                            : pick.link == null ? "was not linked to the course's item" : null;
                    pick.link = source.id;
                    sync(pick, source.values, source.origin);
                    if (why != null) {
                        relinked(sectionId, pick, why);
                    }
                    for (WorkItem other : candidates) {
                        if (other != pick) {
                            if (other.link != null && courseItem(other.link) == null) {
                                danglingRule(other);
                            } else {
                                other.link = null;
                            }
                        }
                    }
                }
                for (WorkItem w : pool) {
                    if (!w.alive() || w.type != type || w.isNew()) {
                        continue;
                    }
                    if (w.link != null) {
                        if (courseItem(w.link) == null) {
                            danglingRule(w);
                        }
                    } else if (overwrite) {
                        overwriteRule(w);
                    }
                }
                if (type == ItemType.CATEGORY) {
                    Set<String> pushed = new HashSet<>();
                    pool.stream().filter(w -> w.alive() && w.type == type && w.link != null
                            && sourceIds.contains(w.link)).forEach(w -> pushed.add(w.key()));
                    renameColliding(pool, pushed, w -> w.link != null && sourceIds.contains(w.link));
                }
            }
        }

        /** Overwrite without the sections option: wipes unlinked section setup, writes nothing new. */
        void wipeSection(long sectionId, Set<ItemType> types) {
            for (WorkItem w : sectionItems.get(sectionId)) {
                if (w.alive() && types.contains(w.type) && w.link == null) {
                    overwriteRule(w);
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
}
