package app.cascade.push.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Wall time per phase of one push, summed over its chunks (both workers), and the courses taken from memos. */
final class PushPhases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final AtomicInteger memoHits = new AtomicInteger();

    /** Adds the time since {@code since} (a {@link System#nanoTime()}) to the phase; returns now. */
    synchronized long add(String phase, long since) {
        long now = System.nanoTime();
        nanos.merge(phase, now - since, Long::sum);
        return now;
    }

    void memoHits(int courses) {
        memoHits.addAndGet(courses);
    }

    int memoHits() {
        return memoHits.get();
    }

    /** Seconds per phase, to the millisecond, in the order the phases first ran. */
    synchronized Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, Math.round(v / 1e6) / 1e3));
        return out;
    }
}
