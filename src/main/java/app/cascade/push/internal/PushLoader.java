package app.cascade.push.internal;

import app.cascade.grading.CourseInfoField;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.grading.Origin;
import app.cascade.push.engine.CourseInfo;
import app.cascade.push.engine.CourseInput;
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
 * Loads a chunk of courses (with their masters, sections and terms) in a handful of set-returning queries, whatever
 * the chunk's size; the dependents of its items are read by {@link GradebookReads}. Runs inside the caller's
 * transaction, in the current district's schema.
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
    private static final String CUSTOM_PLANS =
            "select current_setting('plan_cache_mode'), set_config('plan_cache_mode', 'force_custom_plan', true)";
    private static final String RESTORE_PLANS = "select set_config('plan_cache_mode', ?, true)";

    /**
     * Every SQL statement the loader and {@link GradebookReads} run, for the test that derives from PostgreSQL what
     * they read and checks that the course push stamps cover it (MemoStampCoverageIT,
     * docs/decisions/0014-course-push-memo.md). A new statement goes here too.
     */
    static List<String> statements() {
        return java.util.stream.Stream.of(List.of(LOCKS, COURSES, COURSES_LOCKED, TERMS, COURSE_ITEMS, SECTIONS,
                        SECTION_ITEMS, LINK_OWNERS, MASTER_ITEMS, MASTERS, SNAPSHOT_MASTER_ITEMS, SNAPSHOT_MASTERS),
                GradebookReads.statements(), List.of(CUSTOM_PLANS, RESTORE_PLANS)).flatMap(List::stream).toList();
    }

    private final JdbcTemplate jdbc;

    public PushLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A loaded chunk: the engine's inputs. Its facts hold the owners of linked master items but no dependents: the
     * planner step (ChunkPlanner) reads those the planner asks about through {@link GradebookReads#dependents}.
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
        return withCustomPlans(jdbc, () -> read(courseIds, lockRows, snapshotOf));
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
     * Runs reads (the loader's, GradebookReads') with every statement planned for its actual arguments, then restores
     * the previous setting. PgJDBC prepares a statement on the server after 5 runs on a connection, and PostgreSQL may
     * then switch to a generic plan, which for {@code = any(?)} cannot see how few ids the array holds and scans
     * whole gradebook tables (the perf record, docs/decisions/0009-push-performance.md); the reads are planned in well
     * under a millisecond. The setting is not left on for the writes: PostgreSQL would then re-plan the foreign-key
     * check of every inserted report row, result and deleted item, which doubled the cost of those statements.
     */
    static <T> T withCustomPlans(JdbcTemplate jdbc, java.util.function.Supplier<T> reads) {
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
