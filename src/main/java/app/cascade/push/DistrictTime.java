package app.cascade.push;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An instant as a person of the district reads it in a message: in the district's time zone, e.g.
 * "Dec 1, 2026, 6:30 AM CST". Every message of the push tool, its queue and its validation uses it.
 */
public final class DistrictTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US);

    private DistrictTime() {
    }

    public static String format(Instant at, ZoneId zone) {
        return FORMAT.format(at.atZone(zone));
    }
}
