package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.KnownDependents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The memo turned off ({@code cascade.push.memo.enabled: false}): every course is planned. The memos of the courses
 * a push plans are dropped, since the push's own writes do not move the courses' stamps: turned on again, the memo
 * starts from what later pushes keep.
 */
@Component
@ConditionalOnProperty(name = "cascade.push.memo.enabled", havingValue = "false")
class NoCourseMemo implements CourseMemo {

    private final PushMemo memos;

    NoCourseMemo(PushMemo memos) {
        this.memos = memos;
    }

    @Override
    public Split split(PushRun run, List<Long> courseIds) {
        return new Split(courseIds, Set.of(), courseIds, Map.of());
    }

    @Override
    public void remember(PushRun run, Split split, ChunkPlanner.PlannedChunk planned, KnownDependents known,
                         List<CoursePlan> written) {
        long t = System.nanoTime();
        memos.forget(split.toPlan());
        run.phases().add("memo: store", t);
    }

    @Override
    public void forget(Collection<Long> courseIds) {
        memos.forget(courseIds);
    }
}
