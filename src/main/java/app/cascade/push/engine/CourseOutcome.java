package app.cascade.push.engine;

/** How a course fared in a push. */
public enum CourseOutcome {
    /** Planned normally; the plan may still be empty (nothing to change). */
    PUSHED,
    /** Ignore Master Push: nothing touched. */
    SKIPPED,
    /** Push locked data on a desynced course: nothing touched. */
    DESYNCED
}
