package app.cascade.push;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Published (a Spring application event) when a run of a push request ends, in the thread that ran it: what the run
 * measured, for the benchmark and the logs.
 *
 * @param courses      courses done by the request so far, this run's included
 * @param memoHits     courses of this run taken from their memos instead of planned (0014-course-push-memo)
 * @param phaseSeconds wall time per phase, summed over the run's chunks (both workers), in the order first run
 */
public record PushMeasured(String tenantId, UUID requestId, PushStatus status, int courses, int memoHits,
                           Map<String, Double> phaseSeconds) {

    public PushMeasured {
        phaseSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(phaseSeconds));
    }
}
