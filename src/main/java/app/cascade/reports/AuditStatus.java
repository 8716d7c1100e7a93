package app.cascade.reports;

/** A course's relation to its master on the Course Audit Report (push-rules §6). */
public enum AuditStatus {
    LINKED("Linked"),
    IGNORE_MASTER_PUSH("Ignore master push"),
    DESYNCED("Desynced");

    private final String label;

    AuditStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
