package app.cascade.push;

import java.time.Instant;
import java.util.UUID;

/**
 * A Spring application event: a push request reached a final status (completed, with warnings, failed, or cancelled).
 * Published by the push job and the job reconciler after the request's final status committed, so that other
 * features (the submitter's notification) react to a push without the push calling them and without reading push's
 * tables.
 *
 * @param request        the request as it ended
 * @param submitterEmail where the submitter gets mail about it; null when the submitter has no address
 * @param undo           what an undo request did (kind {@link PushKind#UNDO}); null for a push
 */
public record PushEnded(String tenantId, PushRequestSummary request, String submitterEmail, Undo undo) {

    /**
     * What an undo did, counted over its courses: the words of its notification.
     *
     * @param pushId           the push it undid ({@code undo_of})
     * @param pushScheduledAt  when that push was scheduled, as the Batch Queue List shows it
     * @param restored         courses put back as before the push
     * @param changedSincePush courses left as they are: they changed since the push ({@code CHANGED_SINCE_PUSH})
     * @param keptForGrades    courses left as they are: an item has grades or assignments ({@code UNDO_KEEPS_GRADES})
     * @param failed           courses that failed and were rolled back
     */
    public record Undo(UUID pushId, Instant pushScheduledAt, int restored, int changedSincePush, int keptForGrades,
                       int failed) {
    }
}
