package app.cascade.push;

import java.util.EnumSet;
import java.util.Set;

/** A push request's status (push-rules §5); {@link #label()} is what a person reads. */
public enum PushStatus {
    SCHEDULED("Scheduled"),
    QUEUED("Queued"),
    RUNNING("Running"),
    COMPLETED("Completed"),
    COMPLETED_WITH_WARNINGS("Completed with warnings"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    public static final Set<PushStatus> FINAL = EnumSet.of(COMPLETED, COMPLETED_WITH_WARNINGS, FAILED, CANCELLED);

    private final String label;

    PushStatus(String label) {
        this.label = label;
    }

    /** The status in the UI's words, e.g. "Completed with warnings". */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
