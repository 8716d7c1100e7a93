package app.cascade.push.internal;

import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.ReportRow;

import java.util.List;
import java.util.Set;

/**
 * What a chunk reports: its courses in order, each either taken from its memo or planned (written, unchanged or
 * failed), and how many courses the chunk counts as done.
 *
 * @param order    the chunk's courses in report order
 * @param fromMemo the courses whose result and rows are their memo's
 * @param planned  the other courses' results and rows
 * @param courses  the courses the chunk was given (its progress), found or not
 */
record ChunkReport(List<Long> order, Set<Long> fromMemo, List<Planned> planned, int courses) {

    /** A planned course's result: its outcome, counts and report rows. */
    record Planned(long courseId, String outcome, PlanCounts counts, List<ReportRow> rows) {
    }
}
