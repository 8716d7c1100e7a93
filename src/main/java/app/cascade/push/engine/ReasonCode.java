package app.cascade.push.engine;

/** Report reason codes (push-rules §6). */
public enum ReasonCode {
    NOT_LOCKED,
    SKIPPED_IGNORE_MASTER_PUSH,
    DESYNCED,
    RESIDUAL_HAS_DEPENDENTS,
    RELINKED,
    RENAMED_CATEGORY,
    TERM_NOT_IN_CALENDAR,
    ERROR;

    /** Rows with these codes make a request end COMPLETED_WITH_WARNINGS (push-rules §5). */
    public boolean isWarning() {
        return this == DESYNCED || this == ERROR || this == TERM_NOT_IN_CALENDAR;
    }
}
