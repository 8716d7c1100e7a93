package app.cascade.push;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;

import java.util.List;
import java.util.UUID;

/**
 * The dry run of an undo (issue 18): the courses it will put back, with per course what it will re-create, restore
 * or delete, and apart the courses it will not touch, each with its reason. Planned exactly as the undo plans.
 *
 * @param pushId    the push it would undo
 * @param restores  the courses it will put back, in course order
 * @param untouched the courses it will leave as they are
 */
public record UndoPreview(UUID pushId, List<Restore> restores, List<Untouched> untouched) {

    /** A course the undo puts back: its counts (created = re-created, updated = restored, deleted) and changes. */
    public record Restore(long courseId, String school, String courseNumber, String courseName, PlanCounts counts,
                          List<Change> changes) {
    }

    /**
     * One change of a course put back.
     *
     * @param action "Re-created", "Restored" or "Deleted"
     */
    public record Change(String section, String dataType, String item, String action, String message) {
    }

    /** A course the undo leaves as it is: {@code CHANGED_SINCE_PUSH} or {@code UNDO_KEEPS_GRADES}, in words. */
    public record Untouched(long courseId, String school, String courseNumber, String courseName, ReasonCode reason,
                            String message) {
    }

    /** A course the plan leaves as it is (outcome SKIPPED, one row saying why). */
    static Untouched untouched(CourseInput course, CoursePlan plan) {
        ReportRow row = plan.rows().getFirst();
        return new Untouched(course.id(), course.school(), course.number(), course.info().name(), row.reason(),
                row.message());
    }

    /** A course the plan puts back (no changes: it is as before the push already). */
    static Restore restore(CourseInput course, CoursePlan plan) {
        return new Restore(course.id(), course.school(), course.number(), course.info().name(), plan.counts(),
                plan.rows().stream().map(r -> new Change(r.section(), r.dataType(), r.item(), r.outcome(),
                        r.message())).toList());
    }
}
