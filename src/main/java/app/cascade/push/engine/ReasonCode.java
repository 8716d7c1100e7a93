package app.cascade.push.engine;

/**
 * Report reason codes (push-rules §6). The code is what the CSV and the API carry for scripts; {@link #label()} is
 * what a person reads, in the grid, the PDF and every message.
 */
public enum ReasonCode {
    NOT_LOCKED("Not locked in the catalog"),
    SKIPPED_IGNORE_MASTER_PUSH("Ignore Master Push"),
    DESYNCED("Desynced from its master"),
    RESIDUAL_HAS_DEPENDENTS("Course managed (has grades or assignments)"),
    RELINKED("Relinked"),
    RENAMED_CATEGORY("Category renamed"),
    TERM_NOT_IN_CALENDAR("Term not in the calendar"),
    ERROR("Error"),
    /** An undo put an item or the Course Info back as it was before the push (issue 18). */
    RESTORED("Restored as before the push"),
    /** An undo left a course as it is: it changed after the push (an edit, an import, a later push or undo, …). */
    CHANGED_SINCE_PUSH("Changed since the push"),
    /**
     * An undo left a course as it is because putting it back would delete an item that has grades or assignments
     * (an item the push created, or a section item that goes with it): an undo never removes gradebook data.
     */
    UNDO_KEEPS_GRADES("Not undone: an item has grades or assignments");

    private final String label;

    ReasonCode(String label) {
        this.label = label;
    }

    /** The reason in the UI's words, e.g. "Term not in the calendar". */
    public String label() {
        return label;
    }

    /**
     * Rows with these codes make a request end COMPLETED_WITH_WARNINGS (push-rules §5). An undo that left a course as
     * it is ({@link #CHANGED_SINCE_PUSH}, {@link #UNDO_KEEPS_GRADES}) is one too, so the admin looks at the courses it did not put back.
     */
    public boolean isWarning() {
        return this == DESYNCED || this == ERROR || this == TERM_NOT_IN_CALENDAR || this == CHANGED_SINCE_PUSH
                || this == UNDO_KEEPS_GRADES;
    }
}
