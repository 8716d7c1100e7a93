package app.cascade.push.internal;

import app.cascade.push.engine.ReportRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a request's report: its request rows, and each chunk's results and report rows, whether they come from
 * plans or from memos, set-based. A chunk's results mark its courses done once committed, in no particular order, so
 * they are written before the wait for the previous chunk; its rows keep the course order, so they are written after.
 */
@Component
class ChunkReportWriter {

    private static final String INSERT_ROWS = """
            insert into push_report_row (request_id, course_id, school, course_number, course_name, section,
                data_type, item, outcome, reason, assignments, scores, posted_grades, comments, message)
            select ?, v.course_id, v.school, v.course_number, v.course_name, v.section, v.data_type, v.item,
                   v.outcome, v.reason, v.assignments, v.scores, v.posted_grades, v.comments, v.message
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[]) with ordinality
                as v(course_id, school, course_number, course_name, section, data_type, item, outcome, reason,
                     assignments, scores, posted_grades, comments, message, n)
            order by v.n
            """;
    private static final String COPY_MEMO_ROWS = """
            insert into push_report_row (request_id, course_id, school, course_number, course_name, section,
                data_type, item, outcome, reason, assignments, scores, posted_grades, comments, message)
            select ?, (r.v ->> 'courseId')::bigint, r.v ->> 'school', r.v ->> 'courseNumber', r.v ->> 'courseName',
                   r.v ->> 'section', r.v ->> 'dataType', r.v ->> 'item', r.v ->> 'outcome', r.v ->> 'reason',
                   (r.v -> 'dependents' ->> 'assignments')::int, (r.v -> 'dependents' ->> 'scores')::int,
                   (r.v -> 'dependents' ->> 'postedGrades')::int, (r.v -> 'dependents' ->> 'comments')::int,
                   r.v ->> 'message'
            from unnest(?::bigint[]) with ordinality as c(id, n)
            join push_course_memo m on m.course_id = c.id
            cross join lateral jsonb_array_elements(m.rows) with ordinality as r(v, n)
            order by c.n, r.n
            """;
    private static final String INSERT_RESULTS = """
            insert into push_course_result (request_id, course_id, outcome, created, updated, deleted, relinked,
                residual, renamed, info_fields)
            select ?, v.* from unnest(?::bigint[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[],
                                      ?::int[], ?::int[])
                as v(course_id, outcome, created, updated, deleted, relinked, residual, renamed, info_fields)
            """;
    private static final String COPY_MEMO_RESULTS = """
            insert into push_course_result (request_id, course_id, outcome, created, updated, deleted, relinked,
                residual, renamed, info_fields)
            select ?, m.course_id, m.outcome, m.created, m.updated, m.deleted, m.relinked, m.residual, m.renamed,
                   m.info_fields
            from push_course_memo m where m.course_id = any (?)
            """;

    private final JdbcTemplate jdbc;
    private final PushRequestStore store;

    ChunkReportWriter(JdbcTemplate jdbc, PushRequestStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The request's own rows (no course): the data types the catalog's locks leave out. */
    void requestRows(UUID requestId, List<ReportRow> rows) {
        insertRows(requestId, rows);
    }

    /**
     * Writes the chunk's results, waits for the previous chunk ({@code awaitPrevious}), then writes its report rows
     * in course order (runs of consecutive memo courses copied in one statement) and counts its progress.
     */
    void write(UUID requestId, ChunkReport report, Runnable awaitPrevious, PushPhases phases) {
        long t = System.nanoTime();
        insertResults(requestId, report.planned());
        copyMemoResults(requestId, report.order().stream().filter(report.fromMemo()::contains).toList());
        t = phases.add("course results", t);
        awaitPrevious.run();
        t = phases.add("wait for the previous chunk's commit", t);
        Map<Long, List<ReportRow>> rowsOf = new HashMap<>();
        report.planned().forEach(p -> rowsOf.put(p.courseId(), p.rows()));
        List<Long> fromMemo = new ArrayList<>();
        List<ReportRow> fromPlans = new ArrayList<>();
        for (Long courseId : report.order()) {
            if (report.fromMemo().contains(courseId)) {
                insertRows(requestId, fromPlans);
                fromPlans = new ArrayList<>();
                fromMemo.add(courseId);
            } else {
                copyMemoRows(requestId, fromMemo);
                fromMemo = new ArrayList<>();
                fromPlans.addAll(rowsOf.getOrDefault(courseId, List.of()));
            }
        }
        insertRows(requestId, fromPlans);
        copyMemoRows(requestId, fromMemo);
        t = phases.add("report rows", t);
        store.addProgress(requestId, report.courses());
        phases.add("progress", t);
    }

    private void insertRows(UUID requestId, List<ReportRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(INSERT_ROWS, requestId,
                column("bigint", rows, ReportRow::courseId),
                column("text", rows, ReportRow::school),
                column("text", rows, ReportRow::courseNumber),
                column("text", rows, ReportRow::courseName),
                column("text", rows, ReportRow::section),
                column("text", rows, ReportRow::dataType),
                column("text", rows, ReportRow::item),
                column("text", rows, ReportRow::outcome),
                column("text", rows, r -> r.reason().name()),
                column("int4", rows, r -> r.dependents().assignments()),
                column("int4", rows, r -> r.dependents().scores()),
                column("int4", rows, r -> r.dependents().postedGrades()),
                column("int4", rows, r -> r.dependents().comments()),
                column("text", rows, ReportRow::message));
    }

    /** The courses' memo rows, courses in the given order, each course's rows in order. */
    private void copyMemoRows(UUID requestId, List<Long> courseIds) {
        if (!courseIds.isEmpty()) {
            jdbc.update(COPY_MEMO_ROWS, requestId, SqlArrays.of(jdbc, "bigint", courseIds));
        }
    }

    /** One result row per course: marks it done for this request (a retry skips it). */
    private void insertResults(UUID requestId, List<ChunkReport.Planned> results) {
        if (results.isEmpty()) {
            return;
        }
        jdbc.update(INSERT_RESULTS, requestId,
                column("bigint", results, ChunkReport.Planned::courseId),
                column("text", results, ChunkReport.Planned::outcome),
                column("int4", results, r -> r.counts().created()),
                column("int4", results, r -> r.counts().updated()),
                column("int4", results, r -> r.counts().deleted()),
                column("int4", results, r -> r.counts().relinked()),
                column("int4", results, r -> r.counts().residual()),
                column("int4", results, r -> r.counts().renamed()),
                column("int4", results, r -> r.counts().courseInfoFields()));
    }

    private void copyMemoResults(UUID requestId, List<Long> courseIds) {
        if (!courseIds.isEmpty()) {
            jdbc.update(COPY_MEMO_RESULTS, requestId, SqlArrays.of(jdbc, "bigint", courseIds));
        }
    }

    private <T> Array column(String type, Collection<T> rows, Function<T, ?> value) {
        return SqlArrays.column(jdbc, type, rows, value);
    }
}
