package app.cascade.grading;

/** Where a course or section item was created (push-rules §1), as {@code origin} stores it. */
public enum Origin {
    MASTER, COURSE, TEACHER
}
