package app.cascade.push;

/** The three tools that push (push-rules §7), and the undo of a push (issue 18). */
public enum PushKind {
    /** Push All Course Masters: every master of a catalog → its courses of a year. */
    CATALOG,
    /** Push to Courses: one master → its courses of a year. */
    MASTER,
    /** Push All Courses: course → sections for every course of a year, or of one calendar. */
    COURSES,
    /**
     * The undo of a finished push ({@code push_request.undo_of}): puts back every course the push changed, unless it
     * changed since. Carries that push's catalog, master, year and mode; never submitted as a push.
     */
    UNDO;

    /** What its report is called, in a dialog's and a PDF's title: "Push report", or "Undo report" for an undo. */
    public String reportName() {
        return this == UNDO ? "Undo report" : "Push report";
    }
}
