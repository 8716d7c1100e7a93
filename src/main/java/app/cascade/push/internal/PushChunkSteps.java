package app.cascade.push.internal;

import app.cascade.push.PushKind;
import app.cascade.push.engine.KnownDependents;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A push's chunk: the memo splits it ({@link CourseMemo}), the planner step loads and plans the rest
 * ({@link ChunkPlanner}), the applier step writes them ({@link ChunkApplier}) and the memo remembers them.
 */
@Component
class PushChunkSteps implements ChunkSteps {

    private final CourseMemo memo;
    private final ChunkPlanner planner;
    private final ChunkApplier applier;
    private final ChunkReportWriter report;
    private final PushRequestStore store;

    PushChunkSteps(CourseMemo memo, ChunkPlanner planner, ChunkApplier applier, ChunkReportWriter report,
                   PushRequestStore store) {
        this.memo = memo;
        this.planner = planner;
        this.applier = applier;
        this.report = report;
        this.store = store;
    }

    /** A push from masters gets its request rows once. */
    @Override
    public void start(PushRun run) {
        if (run.request().kind() != PushKind.COURSES && !store.hasRequestRows(run.request().id())) {
            report.requestRows(run.request().id(), planner.requestRows(run.locks(), run.options()));
        }
    }

    @Override
    public ChunkReport run(PushRun run, List<Long> courseIds) {
        CourseMemo.Split split = memo.split(run, courseIds);
        KnownDependents known = new KnownDependents();
        ChunkPlanner.PlannedChunk planned = split.toPlan().isEmpty() ? ChunkPlanner.PlannedChunk.empty()
                : planner.plan(run, split.toPlan(), true, known);
        ChunkApplier.Applied applied = planned.plans().isEmpty() ? ChunkApplier.Applied.NOTHING
                : applier.apply(run.request().id(), true, planned, run.phases());
        memo.remember(run, split, planned, known, applied.written());
        return new ChunkReport(split.order(), split.hits(), applied.courses(), courseIds.size());
    }
}
