package app.cascade.support;

import app.cascade.tenancy.DistrictSummary;

import java.time.Instant;
import java.util.Map;

/**
 * One district as platform support sees it: configuration, schema version and the health of its push jobs — never
 * grading data.
 *
 * @param requestsLast24h     requests submitted in the last 24 hours, by status
 * @param oldestQueuedAt      when the oldest request still waiting (scheduled and due, or queued) was due, or null
 * @param lastFailureAt       when the last request failed, or null
 * @param lastFailureMessage  its message
 */
public record DistrictStatus(DistrictSummary district, Map<String, Integer> requestsLast24h, Instant oldestQueuedAt,
                             Instant lastFailureAt, String lastFailureMessage) {

    /** Whether a request of the district failed in the last 24 hours. */
    public boolean failedLast24h() {
        return requestsLast24h.getOrDefault("FAILED", 0) > 0;
    }
}
