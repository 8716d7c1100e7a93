package app.cascade.catalog;

/** Where a course or section item was created (push-rules §1). */
public enum Origin {
    MASTER, COURSE, TEACHER
}
