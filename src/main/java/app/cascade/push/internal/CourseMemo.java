package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.KnownDependents;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The course push memo (docs/decisions/0014-course-push-memo.md), the one seam between a chunk and its memos. A chunk
 * calls it exactly twice, in its transaction: {@link #split} before loading anything, {@link #remember} after
 * applying. {@code cascade.push.memo.enabled} (default true) chooses the stamped memo (StampedCourseMemo); false
 * chooses one that always misses (NoCourseMemo).
 */
interface CourseMemo {

    /**
     * Locks the chunk's course rows (in the loader's order, so two pushes lock alike) and splits the chunk into the
     * courses whose memo holds (their report is the memo's) and those to plan.
     */
    Split split(PushRun run, List<Long> courseIds);

    /**
     * Keeps (or drops) the memos of the courses this chunk planned: {@code written} are the plans applied or that
     * changed nothing (a failing course is not among them), {@code known} the dependents read to plan them.
     */
    void remember(PushRun run, Split split, ChunkPlanner.PlannedChunk planned, KnownDependents known,
                  List<CoursePlan> written);

    /**
     * Drops the memos of courses written by something the memo did not plan (an undo, issue 18): the writes do not
     * move the courses' stamps, so a memo made before them would otherwise still hold. In the chunk's transaction.
     */
    void forget(Collection<Long> courseIds);

    /**
     * A chunk as its memos split it.
     *
     * @param order  the chunk's courses in report order (the loader's)
     * @param hits   the courses taken from their memos
     * @param toPlan the other courses, in order
     * @param stamps each course's stamp as locked (absent: none), which a memo made now keeps
     */
    record Split(List<Long> order, Set<Long> hits, List<Long> toPlan, Map<Long, Long> stamps) {
    }
}
