package app.cascade.push.internal;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The applier step of a chunk: writes its plans (PushWriter) under one savepoint and checks the gradebook invariant
 * before it releases it. Every course stays all-or-nothing: if the chunk's writes fail or break the invariant, a
 * failure-isolation pass applies each course under its own savepoint and reports the failing ones as {@code ERROR}.
 * Runs in the chunk's transaction.
 */
@Component
class ChunkApplier {

    private static final Logger log = LoggerFactory.getLogger(ChunkApplier.class);
    private static final List<Long> NO_GRADEBOOK = List.of(0L, 0L, 0L, 0L);

    private final JdbcTemplate jdbc;
    private final GradebookReads gradebook;
    private final PushWriter writer;

    ChunkApplier(JdbcTemplate jdbc, GradebookReads gradebook, PushWriter writer) {
        this.jdbc = jdbc;
        this.gradebook = gradebook;
        this.writer = writer;
    }

    /**
     * What a chunk's writes left: each course's report (in plan order), and the plans written (or that changed
     * nothing) as opposed to those of the failing courses.
     */
    record Applied(List<ChunkReport.Planned> courses, List<CoursePlan> written) {
        static final Applied NOTHING = new Applied(List.of(), List.of());
    }

    /**
     * Applies the chunk's plans for request {@code requestId}; with {@code keepChanges} (a push, not an undo) the
     * writes keep what they change (PushWriter).
     */
    Applied apply(UUID requestId, boolean keepChanges, ChunkPlanner.PlannedChunk planned, PushPhases phases) {
        long t = System.nanoTime();
        List<CoursePlan> changing = planned.plans().stream().filter(p -> !p.changesNothing()).toList();
        List<Long> changingIds = changing.stream().map(CoursePlan::courseId).toList();
        // the invariant is checked only where something is written: the gradebook rows this transaction has written
        // so far (PostgreSQL's own counters), or, where the server keeps no counters, the counts per course
        Long writesBefore = changing.isEmpty() ? null : gradebook.rowsWrittenByTransaction();
        Map<Long, List<Long>> before = changing.isEmpty() || writesBefore != null ? Map.of()
                : gradebook.gradebookCounts(changingIds);
        t = phases.add("gradebook check before", t);
        boolean applied = changing.isEmpty() || attempt(requestId, keepChanges, changing, changingIds, before,
                writesBefore, phases);
        t = phases.add("apply + verify", t);
        List<ChunkReport.Planned> courses = new ArrayList<>();
        List<CoursePlan> written = new ArrayList<>();
        for (CoursePlan plan : planned.plans()) {
            String error = !applied && !plan.changesNothing() ? isolate(requestId, keepChanges, plan, phases) : null;
            if (error == null) {
                courses.add(new ChunkReport.Planned(plan.courseId(), plan.outcome().name(), plan.counts(),
                        plan.rows()));
                written.add(plan);
            } else {
                courses.add(failed(planned.course(plan.courseId()), error));
            }
        }
        phases.add("course outcomes", t);
        return new Applied(courses, written);
    }

    private static ChunkReport.Planned failed(CourseInput course, String error) {
        return new ChunkReport.Planned(course.id(), "ERROR", PlanCounts.ZERO, List.of(new ReportRow(course.id(),
                course.school(), course.number(), course.info().name(), null, null, null, "Failed: nothing changed",
                ReasonCode.ERROR, Dependents.NONE, error)));
    }

    /** Applies the whole chunk under one savepoint; false (rolled back) if anything fails. */
    private boolean attempt(UUID requestId, boolean keepChanges, List<CoursePlan> plans, List<Long> courseIds,
                            Map<Long, List<Long>> before, Long writesBefore, PushPhases phases) {
        Savepoint savepoint = savepoint();
        try {
            long t = System.nanoTime();
            writer.apply(requestId, plans, keepChanges, phases);
            t = System.nanoTime();
            if (writesBefore != null) {
                verifyNoGradebookWrites(courseIds.size() + " course(s)", writesBefore);
            } else {
                verifyInvariant(courseIds, before);
            }
            phases.add("  verify: gradebook check after", t);
            release(savepoint);
            return true;
        } catch (RuntimeException e) {
            rollback(savepoint);
            log.warn("A chunk of {} course(s) failed ({}); isolating the failing course(s)", plans.size(),
                    e.getMessage());
            return false;
        }
    }

    /**
     * Applies one course under its own savepoint; the error message, or null when it succeeded. A course that fails
     * leaves no changes: they are written by the statements rolled back.
     */
    private String isolate(UUID requestId, boolean keepChanges, CoursePlan plan, PushPhases phases) {
        Savepoint savepoint = savepoint();
        try {
            // one course: its counts before and after (for the message), and the rows written, when counted
            List<Long> course = List.of(plan.courseId());
            Map<Long, List<Long>> before = gradebook.gradebookCounts(course);
            Long writesBefore = gradebook.rowsWrittenByTransaction();
            writer.apply(requestId, List.of(plan), keepChanges, phases);
            verifyInvariant(course, before);
            if (writesBefore != null) {
                verifyNoGradebookWrites("course " + plan.courseId(), writesBefore);
            }
            release(savepoint);
            return null;
        } catch (RuntimeException e) {
            rollback(savepoint);
            return rootMessage(e);
        }
    }

    /**
     * The chunk's writes touch items and course info only: any gradebook row they inserted, updated or deleted (a
     * cascade, a trigger) breaks the invariant.
     */
    private void verifyNoGradebookWrites(String what, long writesBefore) {
        long written = gradebook.rowsWrittenByTransaction() - writesBefore;
        if (written != 0) {
            throw new IllegalStateException("Gradebook data of " + what + " changed: " + written
                    + " row(s) of assignments, scores, comments or posted grades written by the push: rolled back");
        }
    }

    private void verifyInvariant(List<Long> courseIds, Map<Long, List<Long>> before) {
        Map<Long, List<Long>> after = gradebook.gradebookCounts(courseIds);
        for (Long id : courseIds) {
            List<Long> was = before.getOrDefault(id, NO_GRADEBOOK);
            List<Long> now = after.getOrDefault(id, NO_GRADEBOOK);
            if (!was.equals(now)) {
                throw new IllegalStateException("Gradebook counts of course " + id + " changed from " + was
                        + " to " + now + " (assignments, scores, comments, posted grades): rolled back");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private Savepoint savepoint() {
        return jdbc.execute((Connection c) -> c.setSavepoint());
    }

    private void release(Savepoint savepoint) {
        jdbc.execute((Connection c) -> {
            c.releaseSavepoint(savepoint);
            return null;
        });
    }

    private void rollback(Savepoint savepoint) {
        jdbc.execute((Connection c) -> {
            c.rollback(savepoint);
            return null;
        });
    }
}
