package app.cascade.push;

/**
 * What a push request did so far, summed over its courses ({@code push_course_result}) and its report: the whole
 * request once it has ended, the courses committed so far while it runs.
 *
 * @param coursesPushed          courses pushed (outcome PUSHED)
 * @param coursesSkipped         courses left alone: Ignore Master Push (SKIPPED) or desynced from their master
 *                               (DESYNCED)
 * @param coursesFailed          courses that failed and were rolled back (ERROR)
 * @param itemsCreated           items created in courses and sections
 * @param itemsUpdated           items updated
 * @param itemsDeleted           items deleted
 * @param itemsKeptCourseManaged items kept as course managed because they have grades or assignments: the report
 *                               rows with reason RESIDUAL_HAS_DEPENDENTS (push-rules §4)
 */
public record PushResults(int coursesPushed, int coursesSkipped, int coursesFailed, long itemsCreated,
                          long itemsUpdated, long itemsDeleted, long itemsKeptCourseManaged) {

    /** A request that has not committed a course yet. */
    public static final PushResults NONE = new PushResults(0, 0, 0, 0, 0, 0, 0);
}
