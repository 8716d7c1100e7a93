package app.cascade.push;

/** The three tools that push (push-rules §7). */
public enum PushKind {
    /** Push All Course Masters: every master of a catalog → its courses of a year. */
    CATALOG,
    /** Push to Courses: one master → its courses of a year. */
    MASTER,
    /** Push All Courses: course → sections for every course of a year, or of one calendar. */
    COURSES
}
