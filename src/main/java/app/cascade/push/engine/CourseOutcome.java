package app.cascade.push.engine;

/**
 * How a course fared in a push or an undo. An undo reuses the push's values (issue 18), so the stored results, their
 * counts (courses pushed; skipped = SKIPPED + DESYNCED) and every screen that names an outcome keep working: a
 * restored course is {@link #PUSHED}, a course the undo left as it is is {@link #SKIPPED} (its report row says why).
 */
public enum CourseOutcome {
    /** Planned normally; the plan may still be empty (nothing to change). An undo: put back (or already as before). */
    PUSHED,
    /** Nothing touched: Ignore Master Push, or an undo's {@code CHANGED_SINCE_PUSH}. */
    SKIPPED,
    /** Push locked data on a desynced course: nothing touched. */
    DESYNCED
}
