package app.cascade.push;

import java.time.Instant;
import java.util.UUID;

/**
 * What restarting a cancelled or failed request would do (decision 0019): the new request keeps the schedule, so it
 * waits for {@code runAt} when that time is still ahead, and runs now otherwise; an Overwrite of a school year that
 * has started needs the same confirmation as a new one.
 *
 * @param request            the request to restart
 * @param runAt              when the new request would run; null for now
 * @param overwriteAsksFirst whether the restart must be confirmed as an Overwrite of a year that has started
 */
public record PushRestart(PushRequestSummary request, Instant runAt, boolean overwriteAsksFirst) {

    public UUID requestId() {
        return request.id();
    }
}
