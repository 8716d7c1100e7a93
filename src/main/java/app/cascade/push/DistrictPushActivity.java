package app.cascade.push;

import java.time.Instant;
import java.util.Map;

/**
 * One district's push bookkeeping as platform operations see it (support's district list, the Prometheus gauges):
 * counts and times only, never grading data.
 *
 * @param districtId         the tenant id
 * @param requestsLast24h    requests submitted in the last 24 hours, by status name
 * @param due                requests waiting now: queued, or scheduled and due
 * @param oldestDueAt        when the oldest of those was due, or null
 * @param lastFailureAt      when the last request failed, or null
 * @param lastFailureMessage its message
 */
public record DistrictPushActivity(String districtId, Map<String, Integer> requestsLast24h, int due,
                                   Instant oldestDueAt, Instant lastFailureAt, String lastFailureMessage) {

    public DistrictPushActivity {
        requestsLast24h = Map.copyOf(requestsLast24h);
    }

    /** A district with no push bookkeeping (its schema has none yet). */
    public static DistrictPushActivity none(String districtId) {
        return new DistrictPushActivity(districtId, Map.of(), 0, null, null, null);
    }

    /** Requests of the last 24 hours with that status. */
    public int requestsLast24h(PushStatus status) {
        return requestsLast24h.getOrDefault(status.name(), 0);
    }
}
