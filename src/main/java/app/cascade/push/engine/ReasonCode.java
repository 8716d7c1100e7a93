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
    ERROR("Error");

    private final String label;

    ReasonCode(String label) {
        this.label = label;
    }

    /** The reason in the UI's words, e.g. "Term not in the calendar". */
    public String label() {
        return label;
    }

    /** Rows with these codes make a request end COMPLETED_WITH_WARNINGS (push-rules §5). */
    public boolean isWarning() {
        return this == DESYNCED || this == ERROR || this == TERM_NOT_IN_CALENDAR;
    }
}
