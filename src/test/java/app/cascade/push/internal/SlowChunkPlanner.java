package app.cascade.push.internal;

import app.cascade.push.engine.KnownDependents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The push's planner step ({@link ChunkPlanner}), slowed: each chunk of a push (not of a dry run) plans for
 * {@link #PLANNING} more, so chunks that run at once are seen planning at once; {@link #peak()} tells the most that
 * did. {@link Config} puts it in the place of the application's ChunkPlanner (PushesYieldToPeopleIT).
 */
public class SlowChunkPlanner extends ChunkPlanner {

    static final Duration PLANNING = Duration.ofMillis(400);

    private final ServedRequests served;
    private final Duration window;
    private final AtomicInteger planning = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    SlowChunkPlanner(PushLoader loader, GradebookReads gradebook, ServedRequests served, Duration window) {
        super(loader, gradebook);
        this.served = served;
        this.window = window;
    }

    @Override
    PlannedChunk plan(PushRun run, List<Long> courseIds, boolean lockRows, KnownDependents known) {
        if (!lockRows) {
            return super.plan(run, courseIds, lockRows, known);
        }
        peak.accumulateAndGet(planning.incrementAndGet(), Math::max);
        try {
            Thread.sleep(PLANNING);
            return super.plan(run, courseIds, lockRows, known);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            planning.decrementAndGet();
        }
    }

    /** The most chunks seen planning at once since the last reset. */
    public int peak() {
        return peak.get();
    }

    public void reset() {
        peak.set(0);
    }

    /** Whether the node counts itself as serving people now (a UI or API request within its window). */
    public boolean nodeServing() {
        return served.within(window);
    }

    /** Registers the slow planner as the ChunkPlanner every step and service gets. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        SlowChunkPlanner slowChunkPlanner(PushLoader loader, GradebookReads gradebook, ServedRequests served,
                                          @Value("${cascade.push.while-serving.window}") Duration window) {
            return new SlowChunkPlanner(loader, gradebook, served, window);
        }
    }
}
