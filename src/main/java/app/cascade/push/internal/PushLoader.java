package app.cascade.push.internal;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.grading.Origin;
import app.cascade.push.engine.CourseInfo;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Facts;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.ItemValues;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.engine.SectionInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a chunk of courses (with their masters, sections, terms and dependents) in a handful of set-returning
 * queries, whatever the chunk's size. Runs inside the caller's transaction, in the current district's schema.
 */
@Component
public class PushLoader {

    private static final String ITEM_COLUMNS = itemColumns("");

    private static String itemColumns(String alias) {
        return java.util.stream.Stream.of("id", "item_type", "code", "name", "task_code", "term_code", "weight", "seq",
                        "calc_method", "rounding", "created_at").map(c -> alias + c)
                .collect(java.util.stream.Collectors.joining(", ")) + ", " + alias + "parts::text as parts";
    }

    private static final String LOCKS = "select lock_name from catalog_lock where catalog_id = ?";
    private static final String COURSES = """
            select c.id, c.number, c.name, c.state_code, c.department, c.credits, c.gpa_weight, c.description,
                   c.master_id, c.ignore_master_push, c.calendar_id, sch.name as school
            from course c join calendar cal on cal.id = c.calendar_id join school sch on sch.id = cal.school_id
            where c.id = any (?) order by c.master_id nulls last, c.id
            """;
    private static final String COURSES_LOCKED = COURSES + " for update of c";
    private static final String TERMS = """
            select c.id, t.code from course c join term t on t.calendar_id = c.calendar_id where c.id = any (?)
            """;
    private static final String COURSE_ITEMS = "select course_id, master_item_id, origin, residual, forced_no_calc, "
            + ITEM_COLUMNS + " from course_item where course_id = any (?)";
    private static final String SECTIONS =
            "select id, course_id, number, teacher from section where course_id = any (?) order by number";
    private static final String SECTION_ITEMS = "select si.section_id, si.course_item_id, si.origin, si.residual,"
            + " si.forced_no_calc, " + itemColumns("si.")
            + " from section_item si"
            // the chunk's section ids as an array: an index scan per chunk; a join with section was planned as a
            // hash join over all of section_item, 18 of the 45 s of the Overwrite on L (the perf record)
            + " where si.section_id = any (array(select id from section where course_id = any (?)))";
    private static final String LINK_OWNERS = "select id, master_id from master_item where id = any (?)";
    private static final String MASTER_ITEMS = "select master_id, " + ITEM_COLUMNS
            + " from master_item where master_id = any (?)";
    private static final String MASTERS = "select id, number, name, state_code, department, credits, gpa_weight,"
            + " description from course_master where id = any (?)";
    private static final String SNAPSHOT_MASTER_ITEMS = "select master_id, " + ITEM_COLUMNS
            + " from push_master_item_snapshot where master_id = any (?) and request_id = ?";
    private static final String SNAPSHOT_MASTERS = "select id, number, name, state_code, department, credits,"
            + " gpa_weight, description from push_master_snapshot where id = any (?) and request_id = ?";
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
    private static final String GRADEBOOK_WRITES = """
            select case when current_setting('track_counts')::bool then
                sum(pg_stat_get_xact_tuples_inserted(r) + pg_stat_get_xact_tuples_updated(r)
                    + pg_stat_get_xact_tuples_deleted(r)) end
            from unnest(array['assignment', 'score', 'assignment_comment', 'posted_grade']::regclass[]) r
            """;
    private static final String CUSTOM_PLANS =
            "select current_setting('plan_cache_mode'), set_config('plan_cache_mode', 'force_custom_plan', true)";
    private static final String RESTORE_PLANS = "select set_config('plan_cache_mode', ?, true)";

    /**
     * Every SQL statement the loader runs, for the test that derives from PostgreSQL what they read and checks that
     * the course push stamps cover it (MemoStampCoverageIT, docs/decisions/0014-course-push-memo.md). A new statement
     * goes here too.
     */
    static List<String> statements() {
        return List.of(LOCKS, COURSES, COURSES_LOCKED, TERMS, COURSE_ITEMS, SECTIONS, SECTION_ITEMS, LINK_OWNERS,
                MASTER_ITEMS, MASTERS, SNAPSHOT_MASTER_ITEMS, SNAPSHOT_MASTERS, DEPENDENTS, GRADEBOOK_COUNTS,
                GRADEBOOK_WRITES, CUSTOM_PLANS, RESTORE_PLANS);
    }

    private final JdbcTemplate jdbc;

    public PushLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A loaded chunk: the engine's inputs. Its facts hold the owners of linked master items but no dependents: the
     * planner step (ChunkPlanner) reads those the planner asks about through {@link #dependents}.
     */
    public record Chunk(Map<Long, MasterInput> masters, List<CourseInput> courses, Facts facts) {
    }

    public Locks locks(long catalogId) {
        Set<CourseInfoField> fields = EnumSet.noneOf(CourseInfoField.class);
        Set<LockType> types = EnumSet.noneOf(LockType.class);
        jdbc.query(LOCKS, rs -> {
            String name = rs.getString(1);
            try {
                fields.add(CourseInfoField.valueOf(name));
            } catch (IllegalArgumentException notAField) {
                types.add(LockType.valueOf(name));
            }
        }, catalogId);
        return new Locks(fields, types);
    }

    /** Loads a chunk with the masters as they are now (the dry run). */
    public Chunk load(List<Long> courseIds, boolean lockRows) {
        return load(courseIds, lockRows, null);
    }

    /**
     * Loads a chunk; with {@code snapshotOf}, the masters come from that request's snapshot (PushMasterSnapshot), and
     * only a master missing from it (a course linked to it after the request started) is read as it is now.
     */
    public Chunk load(List<Long> courseIds, boolean lockRows, UUID snapshotOf) {
        return withCustomPlans(() -> read(courseIds, lockRows, snapshotOf));
    }

    private Chunk read(List<Long> courseIds, boolean lockRows, UUID snapshotOf) {
        Array ids = longs(courseIds);
        Map<Long, CourseRow> courses = new LinkedHashMap<>();
        jdbc.query(lockRows ? COURSES_LOCKED : COURSES, rs -> {
            Long masterId = rs.getObject("master_id", Long.class);
            courses.put(rs.getLong("id"), new CourseRow(rs.getLong("id"), rs.getString("school"),
                    rs.getString("number"), info(rs), masterId, rs.getBoolean("ignore_master_push")));
        }, ids);

        Map<Long, Set<String>> terms = new HashMap<>();
        jdbc.query(TERMS, rs -> {
            terms.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        }, ids);

        Map<Long, List<Item>> courseItems = new HashMap<>();
        Set<UUID> links = new HashSet<>();
        jdbc.query(COURSE_ITEMS, rs -> {
            Item item = item(rs, "master_item_id");
            courseItems.computeIfAbsent(rs.getLong("course_id"), k -> new ArrayList<>()).add(item);
            if (item.link() != null) {
                links.add(item.link());
            }
        }, ids);

        Map<Long, List<SectionRow>> sections = new HashMap<>();
        Map<Long, List<Item>> sectionItems = new HashMap<>();
        jdbc.query(SECTIONS,
                rs -> {
                    sections.computeIfAbsent(rs.getLong("course_id"), k -> new ArrayList<>())
                            .add(new SectionRow(rs.getLong("id"), rs.getString("number"), rs.getString("teacher")));
                }, ids);
        jdbc.query(SECTION_ITEMS, rs -> {
            sectionItems.computeIfAbsent(rs.getLong("section_id"), k -> new ArrayList<>())
                    .add(item(rs, "course_item_id"));
        }, ids);

        Set<Long> masterIds = new HashSet<>();
        courses.values().forEach(c -> {
            if (c.masterId() != null) {
                masterIds.add(c.masterId());
            }
        });
        Map<Long, MasterInput> masters = masters(masterIds, snapshotOf);

        Map<UUID, Long> owners = new HashMap<>();
        masters.values().forEach(m -> m.items().forEach(i -> owners.put(i.id(), m.id())));
        links.removeAll(owners.keySet());
        if (!links.isEmpty()) {
            jdbc.query(LINK_OWNERS, rs -> {
                owners.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }, uuids(links));
        }

        List<CourseInput> inputs = new ArrayList<>();
        for (CourseRow c : courses.values()) {
            List<SectionInput> sectionInputs = sections.getOrDefault(c.id(), List.of()).stream()
                    .map(s -> new SectionInput(s.id(), s.number(), s.teacher(),
                            sectionItems.getOrDefault(s.id(), List.of())))
                    .toList();
            inputs.add(new CourseInput(c.id(), c.school(), c.number(), c.info(), c.masterId(), c.ignore(),
                    terms.getOrDefault(c.id(), Set.of()), courseItems.getOrDefault(c.id(), List.of()),
                    sectionInputs));
        }
        return new Chunk(masters, inputs, new Facts(Map.of(), owners));
    }

    /**
     * The given masters; with {@code snapshotOf}, as that request's snapshot holds them (PushMasterSnapshot), and a
     * master missing from it (a course linked to it after the request started) as it is now.
     */
    public Map<Long, MasterInput> masters(Set<Long> masterIds, UUID snapshotOf) {
        Set<Long> wanted = new HashSet<>(masterIds);
        Map<Long, MasterInput> masters = snapshotOf == null ? new HashMap<>()
                : loadMasters(wanted, SNAPSHOT_MASTER_ITEMS, SNAPSHOT_MASTERS, snapshotOf);
        wanted.removeAll(masters.keySet());
        masters.putAll(loadMasters(wanted, MASTER_ITEMS, MASTERS, null));
        return masters;
    }

    private Map<Long, MasterInput> loadMasters(Set<Long> masterIds, String itemsSql, String mastersSql,
                                               UUID snapshotOf) {
        Map<Long, MasterInput> masters = new HashMap<>();
        if (masterIds.isEmpty()) {
            return masters;
        }
        Array ids = longs(masterIds);
        Object[] args = snapshotOf == null ? new Object[] {ids} : new Object[] {ids, snapshotOf};
        Map<Long, List<Item>> items = new HashMap<>();
        jdbc.query(itemsSql, rs -> {
            items.computeIfAbsent(rs.getLong("master_id"), k -> new ArrayList<>()).add(masterItem(rs));
        }, args);
        jdbc.query(mastersSql, rs -> {
            long id = rs.getLong("id");
            masters.put(id, new MasterInput(id, rs.getString("number"), info(rs), items.getOrDefault(id, List.of())));
        }, args);
        return masters;
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
    public Map<UUID, Dependents> dependents(Chunk chunk, Set<UUID> itemIds) {
        return withCustomPlans(() -> countDependents(chunk, itemIds));
    }

    private Map<UUID, Dependents> countDependents(Chunk chunk, Set<UUID> itemIds) {
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
        }, uuids(courseItemIds), uuids(sectionItemIds));
        return result;
    }

    /** Gradebook counts per course, checked before and after every push (the invariant). */
    public Map<Long, List<Long>> gradebookCounts(List<Long> courseIds) {
        return withCustomPlans(() -> countGradebook(courseIds));
    }

    private Map<Long, List<Long>> countGradebook(List<Long> courseIds) {
        Map<Long, List<Long>> counts = new HashMap<>();
        jdbc.query(GRADEBOOK_COUNTS, rs -> {
            counts.put(rs.getLong(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }, longs(courseIds));
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
    public Long gradebookWrites() {
        return jdbc.queryForObject(GRADEBOOK_WRITES, Long.class);
    }

    /**
     * Runs the loader's reads with every statement planned for its actual arguments, then restores the previous
     * setting. PgJDBC prepares a statement on the server after 5 runs on a connection, and PostgreSQL may then switch
     * to a generic plan, which for {@code = any(?)} cannot see how few ids the array holds and scans whole gradebook
     * tables (the perf record, docs/decisions/0009-push-performance.md); the reads are planned in well under a
     * millisecond. The setting is not left on for the writes: PostgreSQL would then re-plan the foreign-key check of
     * every inserted report row, result and deleted item, which doubled the cost of those statements.
     */
    private <T> T withCustomPlans(java.util.function.Supplier<T> reads) {
        String previous = jdbc.queryForObject(CUSTOM_PLANS, (rs, n) -> rs.getString(1));
        T result = reads.get();
        // on failure the transaction (or the savepoint) rolls back, and the setting with it
        jdbc.queryForObject(RESTORE_PLANS, String.class, previous);
        return result;
    }

    private Array longs(java.util.Collection<Long> values) {
        return SqlArrays.of(jdbc, "bigint", values);
    }

    private Array uuids(java.util.Collection<UUID> values) {
        return SqlArrays.of(jdbc, "uuid", values);
    }

    private static CourseInfo info(ResultSet rs) throws SQLException {
        return new CourseInfo(rs.getString("name"), rs.getString("state_code"), rs.getString("department"),
                rs.getBigDecimal("credits"), rs.getBigDecimal("gpa_weight"), rs.getString("description"));
    }

    private static ItemValues values(ResultSet rs) throws SQLException {
        int rounding = rs.getInt("rounding");
        Integer roundingOrNull = rs.wasNull() ? null : rounding;
        return new ItemValues(rs.getString("code"), rs.getString("name"), rs.getString("task_code"),
                rs.getString("term_code"), rs.getBigDecimal("weight"), rs.getInt("seq"), rs.getString("calc_method"),
                roundingOrNull, rs.getString("parts"));
    }

    private static Item masterItem(ResultSet rs) throws SQLException {
        return Item.master(rs.getObject("id", UUID.class), ItemType.valueOf(rs.getString("item_type")), values(rs),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Item item(ResultSet rs, String linkColumn) throws SQLException {
        return new Item(rs.getObject("id", UUID.class), ItemType.valueOf(rs.getString("item_type")), values(rs),
                rs.getObject(linkColumn, UUID.class), Origin.valueOf(rs.getString("origin")),
                rs.getBoolean("residual"), rs.getBoolean("forced_no_calc"),
                rs.getTimestamp("created_at").toInstant());
    }

    private record CourseRow(long id, String school, String number, CourseInfo info, Long masterId, boolean ignore) {
    }

    private record SectionRow(long id, String number, String teacher) {
    }
}
