package app.cascade.push;

import app.cascade.push.engine.PushMode;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Overwrite is meant for future years. For a school year that has started (its first day is today or earlier, in
 * the district's time zone) teachers' setup would be wiped, so an Overwrite asks the user to confirm first: a new
 * one in the push forms, and a restarted one in the queue and in {@link PushRequestService#restart}.
 */
public final class OverwriteCheck {

    private OverwriteCheck() {
    }

    public static boolean asksFirst(PushMode mode, LocalDate yearStart, ZoneId zone) {
        return mode == PushMode.OVERWRITE && yearHasStarted(yearStart, zone);
    }

    public static boolean yearHasStarted(LocalDate yearStart, ZoneId zone) {
        return !yearStart.isAfter(LocalDate.now(zone));
    }
}
