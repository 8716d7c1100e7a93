package app.cascade.push.engine;

import java.util.List;
import java.util.UUID;

/**
 * Everything a push does to one course and its sections. The executor applies it in one transaction.
 *
 * @param newInfo       the course's attributes after the push, or null when they do not change
 * @param writes        items to insert or update (course and section level)
 * @param courseDeletes course items to delete (their section copies are in {@code sectionDeletes})
 * @param sectionDeletes section items to delete
 */
public record CoursePlan(long courseId, CourseOutcome outcome, CourseInfo newInfo, List<ItemWrite> writes,
                         List<UUID> courseDeletes, List<UUID> sectionDeletes, List<ReportRow> rows,
                         PlanCounts counts) {

    public CoursePlan {
        writes = List.copyOf(writes);
        courseDeletes = List.copyOf(courseDeletes);
        sectionDeletes = List.copyOf(sectionDeletes);
        rows = List.copyOf(rows);
    }

    public boolean changesNothing() {
        return newInfo == null && writes.isEmpty() && courseDeletes.isEmpty() && sectionDeletes.isEmpty();
    }

    /**
     * The course as the database holds it once the executor has applied this plan to {@code before} (the input it
     * was planned from): see {@link PlanApplier} for the exact semantics.
     *
     * @throws IllegalArgumentException when the plan does not fit {@code before} (another course, unknown items)
     */
    public CourseInput applyTo(CourseInput before) {
        return PlanApplier.apply(this, before);
    }
}
