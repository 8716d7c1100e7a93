package app.cascade.push;

import app.cascade.push.engine.PushMode;

import java.time.Instant;
import java.util.UUID;

/**
 * A push request that platform support should look at: one that failed recently and was not retried yet, or one that
 * is stuck (scheduled, queued or running without a live JobRunr job). Bookkeeping only, never grading data.
 *
 * @param jobState  its JobRunr job's state, {@code NONE} (no job recorded) or {@code MISSING} (the job is gone)
 * @param since     when it failed, or when it was due
 */
public record RequestNeedingAttention(String districtId, String district, UUID id, Problem problem, PushKind kind,
                                      String catalog, String schoolYear, PushMode mode, PushStatus status,
                                      String submittedBy, Instant since, int attempts, String jobState,
                                      String message) {

    public enum Problem {
        /** Failed after its retries: support may run it again. */
        FAILED,
        /** Waiting or running with no live job: nothing will ever run it; support may cancel it. */
        STUCK
    }
}
