package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.CourseInput;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An undo's chunk (issue 18): the undo's planner step ({@link UndoChunkPlanner}) plans putting the courses back, the
 * same applier step writes them (savepoint, gradebook guard, per-course isolation; keeping no changes, since an undo
 * is not undone), and the memos of the courses it wrote are dropped: those writes do not move the courses'
 * stamps, so a memo made before would still hold. A course already put back by an attempt that committed is done
 * (its result row), so a resumed undo never reaches it again.
 */
@Component
class UndoChunkSteps implements ChunkSteps {

    private final UndoChunkPlanner planner;
    private final ChunkApplier applier;
    private final CourseMemo memo;
    private final UndoRequests undos;

    UndoChunkSteps(UndoChunkPlanner planner, ChunkApplier applier, CourseMemo memo, UndoRequests undos) {
        this.planner = planner;
        this.applier = applier;
        this.memo = memo;
        this.undos = undos;
    }

    @Override
    public void start(PushRun run) {
    }

    @Override
    public ChunkReport run(PushRun run, List<Long> courseIds) {
        UUID pushId = undos.undoOf(run.request().id()).orElseThrow(() -> new IllegalStateException(
                "Request " + run.request().id() + " is not an undo"));
        ChunkPlanner.PlannedChunk planned = planner.plan(pushId, courseIds, true, run.phases());
        ChunkApplier.Applied applied = planned.plans().isEmpty() ? ChunkApplier.Applied.NOTHING
                : applier.apply(run.request().id(), false, planned, run.phases());
        memo.forget(applied.written().stream().filter(p -> !p.changesNothing()).map(CoursePlan::courseId).toList());
        List<Long> order = planned.chunk().courses().stream().map(CourseInput::id).toList();
        return new ChunkReport(order, Set.of(), applied.courses(), courseIds.size());
    }
}
