package app.cascade.push.engine;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The push engine's planner: records in, a {@link CoursePlan} out, no I/O (push-rules §3–§4, §7). One planner call
 * plans one course with its sections ({@link MasterStep} at the course, {@link SectionStep} in its sections, on one
 * {@link CourseRun}); the executor applies the plan in one transaction.
 */
public final class PushPlanner {

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
        CourseRun run = new CourseRun(course, facts, options.mode(), ids, clock);
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
        SectionStep sections = new SectionStep(run);
        for (SectionInput section : course.sections()) {
            if (options.toSections()) {
                sections.pushToSection(section.id(), sectionTypes);
            } else if (options.mode() == PushMode.OVERWRITE) {
                sections.wipeSection(section.id(), sectionTypes);
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
        CourseRun run = new CourseRun(course, facts, options.mode(), ids, clock);
        Set<ItemType> sectionTypes = sectionTypes(options.types());
        SectionStep sections = new SectionStep(run);
        for (SectionInput section : course.sections()) {
            sections.pushToSection(section.id(), sectionTypes);
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
}
