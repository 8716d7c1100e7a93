package app.cascade.push;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Something platform support did to a push request, as the district sees it on the request: who, when and why.
 *
 * @param actor          the support user's login name
 * @param actorName      the name to show
 * @param relatedRequest for {@code RETRIED} the new request that runs it again; for {@code RETRY_OF} the failed one
 */
public record PushRequestAction(Kind action, String actor, String actorName, Instant at, String reason,
                                UUID relatedRequest) {

    /** Longest reason support may give, in characters. */
    public static final int MAX_REASON = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public enum Kind {
        /** A failed request was run again, as a new request. */
        RETRIED,
        /** This request runs a failed one again. */
        RETRY_OF,
        /** A stuck request (no live job) was cancelled. */
        CANCELLED
    }

    /** "Retried by support (Sam Support) on 2026-12-05 10:14 UTC: the disk was full". */
    public String describe() {
        return describe(TIME.format(at));
    }

    /** As {@link #describe()}, with the time in the district's time zone ("Dec 5, 2026, 4:14 AM CST"). */
    public String describe(ZoneId zone) {
        return describe(DistrictTime.format(at, zone));
    }

    private String describe(String when) {
        String by = "by support (" + actorName + ") on " + when + ": " + reason;
        return switch (action) {
            case RETRIED -> "Retried " + by;
            case RETRY_OF -> "Retry of a failed request, started " + by;
            case CANCELLED -> "Cancelled " + by;
        };
    }
}
