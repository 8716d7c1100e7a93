package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.KnownDependents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The memo's paranoid mode ({@code cascade.push.memo.paranoid}, off by default): a sample of a chunk's memo hits
 * ({@code cascade.push.memo.paranoid-sample} courses at most, chosen at random) is planned again from scratch and
 * compared with the memos. A memo that is not what planning says (a change that did not move the course's stamp:
 * triggers bypassed, a read without its stamp trigger) is logged as an error, counted in
 * {@code cascade.push.memo.stale}, and its course is planned instead.
 */
@Component
class MemoRecheck {

    private static final Logger log = LoggerFactory.getLogger(MemoRecheck.class);

    private final boolean enabled;
    private final int sample;
    private final ChunkPlanner planner;
    private final PushMemo memos;
    private final Counter stale;

    MemoRecheck(@Value("${cascade.push.memo.paranoid:false}") boolean enabled,
                @Value("${cascade.push.memo.paranoid-sample:20}") int sample, ChunkPlanner planner, PushMemo memos,
                MeterRegistry registry) {
        this.enabled = enabled;
        this.sample = sample;
        this.planner = planner;
        this.memos = memos;
        this.stale = Counter.builder("cascade.push.memo.stale")
                .description("Memo hits that paranoid mode planned again and found stale")
                .register(registry);
    }

    boolean enabled() {
        return enabled;
    }

    /** Of the hits (their rows locked), the sampled ones whose memo is not what planning them now gives. */
    Set<Long> stale(PushRun run, Collection<Long> hits) {
        List<Long> sampled = new ArrayList<>(hits);
        Collections.shuffle(sampled);
        sampled = sampled.subList(0, Math.min(sample, sampled.size()));
        PushRun quiet = new PushRun(run.request(), run.locks(), run.snapshotOf(), new PushPhases());
        ChunkPlanner.PlannedChunk again = planner.plan(quiet, sampled, false, new KnownDependents());
        Map<Long, PushMemo.Memo> kept = memos.read(sampled);
        Set<Long> found = new HashSet<>();
        for (CoursePlan plan : again.plans()) {
            PushMemo.Memo memo = kept.get(plan.courseId());
            if (memo == null || !plan.changesNothing() || !memo.outcome().equals(plan.outcome().name())
                    || !memo.counts().equals(plan.counts()) || !memo.rows().equals(plan.rows())) {
                log.error("Course {}: its push memo is stale (push {}): the memo says {} {} with {} report row(s),"
                                + " planning it now gives {} {} with {} row(s) and {}; the course is planned again",
                        plan.courseId(), run.request().id(), memo == null ? "-" : memo.outcome(),
                        memo == null ? "-" : memo.counts(), memo == null ? 0 : memo.rows().size(),
                        plan.outcome(), plan.counts(), plan.rows().size(),
                        plan.changesNothing() ? "no change" : "changes to make");
                stale.increment();
                found.add(plan.courseId());
            }
        }
        return found;
    }
}
