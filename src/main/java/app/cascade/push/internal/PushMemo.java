package app.cascade.push.internal;

import app.cascade.grading.Locks;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.ReportRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The memos' table ({@code push_course_memo}): what the next push of a course would report, with the course's stamp
 * and the push's fingerprint it was made at (docs/decisions/0014-course-push-memo.md). Only {@link CourseMemo} uses
 * it; the report writer copies memos into a request's report (ChunkReportWriter).
 */
@Component
class PushMemo {

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public PushMemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A course of a chunk as the lookup finds it: its stamp now and its memo's stamp and fingerprint, if any. */
    public record Entry(long courseId, Long masterId, Long stamp, Long memoStamp, String memoFingerprint) {

        /** Whether the course has a memo made at its current stamp (only such a memo can hold). */
        public boolean madeAtItsStamp() {
            return stamp != null && stamp.equals(memoStamp);
        }

        /** Whether the memo was made at the course's current stamp with the given fingerprint. */
        public boolean matches(String fingerprint) {
            return stamp != null && stamp.equals(memoStamp) && fingerprint.equals(memoFingerprint);
        }
    }

    /** What to keep for one course: the rows, outcome and counts the next push would report. */
    public record Memo(long courseId, long stamp, String fingerprint, String outcome, PlanCounts counts,
                       List<ReportRow> rows) {
    }

    /**
     * Locks the courses' rows (in the loader's order, so two pushes lock in the same order) and reads their stamps and
     * memos. Call it before reading anything else of the courses: a memo stores the stamp read here, and a change
     * committed after this read bumps the stamp past it.
     */
    public List<Entry> lookup(List<Long> courseIds) {
        return jdbc.query("""
                select c.id, c.master_id, s.stamp, m.stamp as memo_stamp, m.fingerprint
                from course c
                left join course_push_stamp s on s.course_id = c.id
                left join push_course_memo m on m.course_id = c.id
                where c.id = any (?) order by c.master_id nulls last, c.id for update of c
                """, (rs, n) -> new Entry(rs.getLong("id"), rs.getObject("master_id", Long.class),
                rs.getObject("stamp", Long.class), rs.getObject("memo_stamp", Long.class),
                rs.getString("fingerprint")), longs(courseIds));
    }

    /** Stores (or replaces) the courses' memos. */
    public void store(List<Memo> memos) {
        if (memos.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into push_course_memo as m (course_id, stamp, fingerprint, outcome, created, updated, deleted,
                                                   relinked, residual, renamed, info_fields, rows)
                select v.course_id, v.stamp, v.fingerprint, v.outcome, v.created, v.updated, v.deleted, v.relinked,
                       v.residual, v.renamed, v.info_fields, v.rows::jsonb
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[],
                            ?::int[], ?::int[], ?::int[], ?::text[])
                    as v(course_id, stamp, fingerprint, outcome, created, updated, deleted, relinked, residual,
                         renamed, info_fields, rows)
                on conflict (course_id) do update set stamp = excluded.stamp, fingerprint = excluded.fingerprint,
                    outcome = excluded.outcome, created = excluded.created, updated = excluded.updated,
                    deleted = excluded.deleted, relinked = excluded.relinked, residual = excluded.residual,
                    renamed = excluded.renamed, info_fields = excluded.info_fields, rows = excluded.rows
                """,
                column("bigint", memos, Memo::courseId),
                column("bigint", memos, Memo::stamp),
                column("text", memos, Memo::fingerprint),
                column("text", memos, Memo::outcome),
                column("int4", memos, m -> m.counts().created()),
                column("int4", memos, m -> m.counts().updated()),
                column("int4", memos, m -> m.counts().deleted()),
                column("int4", memos, m -> m.counts().relinked()),
                column("int4", memos, m -> m.counts().residual()),
                column("int4", memos, m -> m.counts().renamed()),
                column("int4", memos, m -> m.counts().courseInfoFields()),
                column("text", memos, m -> json.writeValueAsString(m.rows())));
    }

    /** Drops the courses' memos: what they describe is no longer what the courses hold, or is not known. */
    public void forget(Collection<Long> courseIds) {
        if (!courseIds.isEmpty()) {
            jdbc.update("delete from push_course_memo where course_id = any (?)", longs(courseIds));
        }
    }

    /** The courses' memos, as stored (a course without one is absent). */
    public Map<Long, Memo> read(Collection<Long> courseIds) {
        Map<Long, Memo> memos = new HashMap<>();
        if (courseIds.isEmpty()) {
            return memos;
        }
        jdbc.query("""
                select course_id, stamp, fingerprint, outcome, created, updated, deleted, relinked, residual, renamed,
                       info_fields, rows::text from push_course_memo where course_id = any (?)
                """, rs -> {
            PlanCounts counts = new PlanCounts(rs.getInt("created"), rs.getInt("updated"), rs.getInt("relinked"),
                    rs.getInt("deleted"), rs.getInt("residual"), rs.getInt("renamed"), rs.getInt("info_fields"));
            memos.put(rs.getLong("course_id"), new Memo(rs.getLong("course_id"), rs.getLong("stamp"),
                    rs.getString("fingerprint"), rs.getString("outcome"), counts,
                    List.of(json.readValue(rs.getString("rows"), ReportRow[].class))));
        }, longs(courseIds));
        return memos;
    }

    /** A memo made from a plan whose course the push leaves as it is: that plan is what the next push reports. */
    public static Memo of(CoursePlan plan, long stamp, String fingerprint) {
        return new Memo(plan.courseId(), stamp, fingerprint, plan.outcome().name(), plan.counts(), plan.rows());
    }

    private Array longs(Collection<Long> ids) {
        return SqlArrays.of(jdbc, "bigint", ids);
    }

    private <T> Array column(String type, Collection<T> rows, Function<T, ?> value) {
        return SqlArrays.column(jdbc, type, rows, value);
    }
}
