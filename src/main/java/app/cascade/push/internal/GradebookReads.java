package app.cascade.push.internal;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.SectionInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The push's reads of the gradebook: the dependents of a loaded chunk's items, which the planner steps plan with, and
 * the counts and rows written that ChunkApplier checks the gradebook invariant with. Runs inside the caller's
 * transaction, in the current district's schema.
 */
@Component
public class GradebookReads {

    private static final String DEPENDENTS = """
            with ci as materialized (
                select id, course_id, item_type, task_code, term_code from course_item where id = any (?)),
            si as materialized (
                select id, section_id, item_type, task_code, term_code from section_item where id = any (?)),
            copies as materialized (
                select c.id, c.course_item_id as owner from section_item c
                where c.course_item_id = any (array(select id from ci))),
            asg as materialized (
                select a.id, a.task_item_id as owner from assignment a
                where a.task_item_id = any (array(select id from ci))
                union all
                select a.id, c.owner from assignment a join copies c on c.id = a.category_item_id
                where a.category_item_id = any (array(select id from copies))
                union all
                select a.id, a.category_item_id from assignment a
                where a.category_item_id = any (array(select id from si))),
            scores as (select assignment_id, count(*) n from score
                       where assignment_id = any (array(select id from asg)) group by 1),
            comments as (select assignment_id, count(*) n from assignment_comment
                         where assignment_id = any (array(select id from asg)) group by 1),
            assignments as (
                select asg.owner, count(*) n, coalesce(sum(s.n), 0) scores, coalesce(sum(c.n), 0) comments
                from asg left join scores s on s.assignment_id = asg.id
                left join comments c on c.assignment_id = asg.id group by asg.owner),
            posted as (
                select owner, sum(n) n from (
                    select task_item_id as owner, count(*) n from posted_grade
                    where task_item_id = any (array(select id from ci)) group by 1
                    union all
                    select ci.id, (select count(*) from section s
                                   join posted_grade pg on pg.section_id = s.id and pg.term_code = ci.term_code
                                   join course_item t on t.id = pg.task_item_id and t.code = ci.task_code
                                   where s.course_id = ci.course_id)
                    from ci where ci.item_type in ('CALC_OPTION', 'COMPOSITE')
                    union all
                    select si.id, (select count(*) from posted_grade pg
                                   join course_item t on t.id = pg.task_item_id and t.code = si.task_code
                                   where pg.section_id = si.section_id and pg.term_code = si.term_code)
                    from si where si.item_type in ('CALC_OPTION', 'COMPOSITE')) p
                group by owner)
            select coalesce(a.owner, p.owner), coalesce(a.n, 0), coalesce(a.scores, 0), coalesce(p.n, 0),
                   coalesce(a.comments, 0)
            from assignments a full join posted p on p.owner = a.owner
            """;
    private static final String GRADEBOOK_COUNTS = """
            with sec as materialized (select id, course_id from section where course_id = any (?)),
            asg as materialized (select a.id, a.section_id from assignment a
                                 where a.section_id = any (array(select id from sec))),
            a as (select sec.course_id, count(*) n from asg join sec on sec.id = asg.section_id group by 1),
            sc as (select sec.course_id, count(*) n from score x join asg on asg.id = x.assignment_id
                   join sec on sec.id = asg.section_id
                   where x.assignment_id = any (array(select id from asg)) group by 1),
            cm as (select sec.course_id, count(*) n from assignment_comment x join asg on asg.id = x.assignment_id
                   join sec on sec.id = asg.section_id
                   where x.assignment_id = any (array(select id from asg)) group by 1),
            pg as (select sec.course_id, count(*) n from posted_grade p join sec on sec.id = p.section_id
                   where p.section_id = any (array(select id from sec)) group by 1)
            select c.id, coalesce(a.n, 0), coalesce(sc.n, 0), coalesce(cm.n, 0), coalesce(pg.n, 0)
            from (select distinct course_id as id from sec) c
            left join a on a.course_id = c.id left join sc on sc.course_id = c.id
            left join cm on cm.course_id = c.id left join pg on pg.course_id = c.id
            """;
    private static final String ROWS_WRITTEN = """
            select case when current_setting('track_counts')::bool then
                sum(pg_stat_get_xact_tuples_inserted(r) + pg_stat_get_xact_tuples_updated(r)
                    + pg_stat_get_xact_tuples_deleted(r)) end
            from unnest(array['assignment', 'score', 'assignment_comment', 'posted_grade']::regclass[]) r
            """;

    /** Its statements, listed among {@link PushLoader#statements()} with the loader's (MemoStampCoverageIT). */
    static List<String> statements() {
        return List.of(DEPENDENTS, GRADEBOOK_COUNTS, ROWS_WRITTEN);
    }

    private final JdbcTemplate jdbc;

    public GradebookReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Dependents of the given course and section items of the chunk, exactly as push-rules §1 counts them:
     * tasks/standards (assignments aligned, posted grades), course categories (assignments in section copies),
     * section categories (assignments), calc options and composites (posted grades for their task code and term,
     * course-wide or in the section). Set-based, but every gradebook table is reached by an index look-up on an id
     * array ({@code = any (array(select …))}), so the cost follows the items asked about, not the size of the
     * gradebook: a plain join of the asked items with the gradebook tables was planned as a hash join over
     * whole-table scans of assignment and posted_grade (EXPLAIN in the perf record). Calc options and composites,
     * few, keep one subquery each.
     */
    public Map<UUID, Dependents> dependents(PushLoader.Chunk chunk, Set<UUID> itemIds) {
        return PushLoader.withCustomPlans(jdbc, () -> countDependents(chunk, itemIds));
    }

    private Map<UUID, Dependents> countDependents(PushLoader.Chunk chunk, Set<UUID> itemIds) {
        Set<UUID> courseItemIds = new HashSet<>();
        Set<UUID> sectionItemIds = new HashSet<>();
        for (CourseInput c : chunk.courses()) {
            for (Item i : c.items()) {
                if (itemIds.contains(i.id())) {
                    courseItemIds.add(i.id());
                }
            }
            for (SectionInput s : c.sections()) {
                for (Item i : s.items()) {
                    if (itemIds.contains(i.id())) {
                        sectionItemIds.add(i.id());
                    }
                }
            }
        }
        Map<UUID, Dependents> result = new HashMap<>();
        if (courseItemIds.isEmpty() && sectionItemIds.isEmpty()) {
            return result;
        }
        jdbc.query(DEPENDENTS, rs -> {
            if (rs.getLong(2) + rs.getLong(4) > 0) {
                result.put(rs.getObject(1, UUID.class), new Dependents(rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5)));
            }
        }, SqlArrays.of(jdbc, "uuid", courseItemIds), SqlArrays.of(jdbc, "uuid", sectionItemIds));
        return result;
    }

    /** Gradebook counts per course, checked before and after every push (the invariant). */
    public Map<Long, List<Long>> gradebookCounts(List<Long> courseIds) {
        return PushLoader.withCustomPlans(jdbc, () -> countGradebook(courseIds));
    }

    private Map<Long, List<Long>> countGradebook(List<Long> courseIds) {
        Map<Long, List<Long>> counts = new HashMap<>();
        jdbc.query(GRADEBOOK_COUNTS, rs -> {
            counts.put(rs.getLong(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }, SqlArrays.of(jdbc, "bigint", courseIds));
        return counts;
    }

    /**
     * Rows of the gradebook tables (assignment, score, assignment_comment, posted_grade) inserted, updated or deleted
     * by the current transaction so far, from PostgreSQL's own per-transaction counters (including the open
     * savepoints'). The executor reads it before and after a chunk's writes: the push writes only items and course
     * info, so any difference is a gradebook row lost, added or changed by those writes (a cascade, a trigger).
     * Null when the server does not count rows ({@code track_counts = off}): the caller then falls back to
     * {@link #gradebookCounts}.
     */
    public Long rowsWrittenByTransaction() {
        return jdbc.queryForObject(ROWS_WRITTEN, Long.class);
    }
}
