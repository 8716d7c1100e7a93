package app.cascade.push;

import java.util.EnumSet;
import java.util.Set;

/** A push request's status (push-rules §5). */
public enum PushStatus {
    SCHEDULED, QUEUED, RUNNING, COMPLETED, COMPLETED_WITH_WARNINGS, FAILED, CANCELLED;

    public static final Set<PushStatus> FINAL = EnumSet.of(COMPLETED, COMPLETED_WITH_WARNINGS, FAILED, CANCELLED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
