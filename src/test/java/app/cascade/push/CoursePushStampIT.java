package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.grading.ItemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.cascade.catalog.ItemSpec.category;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-course change stamps of V9__course_push_stamps.sql: every change to what the push planner reads for a course
 * bumps exactly that course's stamp (once per statement), and nothing is bumped while the push writes
 * ({@code cascade.push_writes = 'on'}, transaction-local). Courses of the fixture: eng1 (2 sections), eng2, mat1 and
 * art in 26-27, engPast in 25-26, all at Lakeside High; plus {@code other}, a course of another school.
 */
@CascadeIntegrationTest
class CoursePushStampIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;

    PushFixture f;
    long otherSchool;
    long otherCalendar;
    long other;

    @BeforeEach
    void setUp() {
        f = new PushFixture(context).build();
        otherSchool = f.d.school("MHS", "Mill High", f.catalog);
        otherCalendar = f.d.calendar(otherSchool, f.current, "Q1", "Q2");
        other = f.d.course(otherCalendar, f.eng).copyAllFromMaster().section("1", "Ms. Ito").copyAllFromCourse()
                .course().id();
    }

    // --- helpers ---

    /** Stamp per existing course; 0 for a course that was never stamped. */
    private Map<Long, Long> stamps() {
        return f.inAlpha(() -> f.jdbc.query("select c.id, coalesce(s.stamp, 0) from course c"
                + " left join course_push_stamp s on s.course_id = c.id", rs -> {
            Map<Long, Long> stamps = new TreeMap<>();
            while (rs.next()) {
                stamps.put(rs.getLong(1), rs.getLong(2));
            }
            return stamps;
        }));
    }

    /** Runs {@code change} and checks that exactly {@code courses} were bumped, each by one. */
    private void assertBumps(Runnable change, long... courses) {
        Map<Long, Long> before = stamps();
        change.run();
        Map<Long, Long> after = stamps();
        Set<Long> bumped = Arrays.stream(courses).boxed().collect(Collectors.toSet());
        Map<Long, Long> expected = new TreeMap<>();
        Map<Long, Long> actual = new TreeMap<>();
        after.forEach((id, stamp) -> {
            expected.put(id, bumped.contains(id) ? 1L : 0L);
            actual.put(id, stamp - before.getOrDefault(id, 0L));
        });
        assertThat(actual).as("stamp increments per course").isEqualTo(expected);
    }

    private void sql(String sql, Object... args) {
        f.d.update(sql, args);
    }

    private long mat1Section() {
        return f.d.query("select id from section where course_id = ?", Long.class, f.mat1.id());
    }

    private long artSection() {
        return f.d.query("select id from section where course_id = ?", Long.class, f.art.id());
    }

    private UUID bareAssignment(long sectionId) {
        UUID id = UUID.randomUUID();
        sql("insert into assignment (id, section_id, name) values (?, ?, 'Quiz')", id, sectionId);
        return id;
    }

    private UUID eng1Task() {
        return f.courseItemId(f.eng1.id(), "TASK", "S1");
    }

    // --- one test per table ---

    @Test
    void every_course_has_a_stamp_from_its_insert() {
        assertThat(f.d.query("select count(*) from course c where not exists"
                + " (select 1 from course_push_stamp s where s.course_id = c.id)", Long.class)).isZero();
        Map<Long, Long> before = stamps();
        long created = f.d.course(f.calendarCurrent, "BIO100", "Biology").id();
        Map<Long, Long> after = stamps();
        assertThat(after).containsEntry(created, 1L);
        after.remove(created);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void course_update_bumps_that_course_and_delete_drops_its_stamp() {
        assertBumps(() -> sql("update course set name = 'English 9 Honors' where id = ?", f.eng1.id()), f.eng1.id());
        assertBumps(() -> sql("update course set ignore_master_push = true where id in (?, ?)", f.eng2.id(),
                f.mat1.id()), f.eng2.id(), f.mat1.id());
        // art's section and items go with it (cascade): no error, no other course bumped, its stamp row is gone
        assertBumps(() -> sql("delete from course where id = ?", f.art.id()));
        assertThat(f.d.query("select count(*) from course_push_stamp where course_id = ?", Long.class, f.art.id()))
                .isZero();
    }

    @Test
    void course_item_changes_bump_the_item_course() {
        assertBumps(() -> f.eng2.unlinked(category("Labs", "5"), app.cascade.grading.Origin.COURSE), f.eng2.id());
        assertBumps(() -> sql("update course_item set name = 'Semester One' where id = ?", eng1Task()), f.eng1.id());
        assertBumps(() -> sql("update course_item set course_id = ? where course_id = ? and item_type = 'CATEGORY'"
                + " and match_key = 'labs'", f.mat1.id(), f.eng2.id()), f.eng2.id(), f.mat1.id());
        assertBumps(() -> sql("delete from course_item where course_id = ? and match_key = 'labs'", f.mat1.id()),
                f.mat1.id());
    }

    @Test
    void section_changes_bump_the_section_course_old_and_new() {
        long[] section = new long[1];
        assertBumps(() -> section[0] = f.mat1.section("2", "Mr. Diaz").id(), f.mat1.id());
        assertBumps(() -> sql("update section set teacher = 'Dr. Diaz' where id = ?", section[0]), f.mat1.id());
        assertBumps(() -> sql("update section set course_id = ? where id = ?", f.eng2.id(), section[0]),
                f.mat1.id(), f.eng2.id());
        // a section with items: the cascade to section_item finds no section any more, the section trigger bumps
        assertBumps(() -> sql("delete from section where id = ?", artSection()), f.art.id());
        assertBumps(() -> sql("delete from section where id = ?", f.eng1Section2), f.eng1.id());
    }

    @Test
    void section_item_changes_bump_the_section_course() {
        assertBumps(() -> f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (gen_random_uuid(), ?, 'CATEGORY', 'Labs', 5, 'TEACHER')", f.eng2Section1), f.eng2.id());
        assertBumps(() -> sql("update section_item set weight = 7 where section_id = ? and match_key = 'labs'",
                f.eng2Section1), f.eng2.id());
        assertBumps(() -> sql("update section_item set section_id = ? where section_id = ? and match_key = 'labs'",
                mat1Section(), f.eng2Section1), f.eng2.id(), f.mat1.id());
        assertBumps(() -> sql("delete from section_item where match_key = 'labs'"), f.mat1.id());
    }

    @Test
    void term_changes_bump_every_course_of_the_calendar() {
        long[] current = {f.eng1.id(), f.eng2.id(), f.mat1.id(), f.art.id()};
        assertBumps(() -> sql("insert into term (calendar_id, code, seq) values (?, 'S1', 5)", f.calendarPast),
                f.engPast.id());
        assertBumps(() -> sql("update term set seq = 9 where calendar_id = ? and code = 'Q4'", f.calendarCurrent),
                current);
        assertBumps(() -> sql("delete from term where calendar_id = ? and code = 'Q4'", f.calendarCurrent), current);
    }

    @Test
    void assignment_changes_bump_the_section_course() {
        UUID[] assignment = new UUID[1];
        assertBumps(() -> assignment[0] = bareAssignment(f.eng1Section2), f.eng1.id());
        assertBumps(() -> sql("update assignment set points = 10 where id = ?", assignment[0]), f.eng1.id());
        assertBumps(() -> sql("update assignment set section_id = ? where id = ?", f.eng2Section1, assignment[0]),
                f.eng1.id(), f.eng2.id());
        assertBumps(() -> sql("delete from assignment where id = ?", assignment[0]), f.eng2.id());
    }

    @Test
    void score_changes_bump_the_assignment_course() {
        UUID assignment = bareAssignment(f.eng1Section1);
        UUID score = UUID.randomUUID();
        assertBumps(() -> sql("insert into score (id, assignment_id, student_number, points) values (?, ?, '1001', 8)",
                score, assignment), f.eng1.id());
        assertBumps(() -> sql("update score set points = 9 where id = ?", score), f.eng1.id());
        UUID matAssignment = bareAssignment(mat1Section());
        assertBumps(() -> sql("update score set assignment_id = ? where id = ?", matAssignment, score),
                f.eng1.id(), f.mat1.id());
        assertBumps(() -> sql("delete from score where id = ?", score), f.mat1.id());
    }

    @Test
    void comment_changes_bump_the_assignment_course() {
        UUID assignment = bareAssignment(f.eng2Section1);
        UUID comment = UUID.randomUUID();
        assertBumps(() -> sql("insert into assignment_comment (id, assignment_id, student_number, body)"
                + " values (?, ?, '1001', 'good')", comment, assignment), f.eng2.id());
        assertBumps(() -> sql("update assignment_comment set body = 'great' where id = ?", comment), f.eng2.id());
        assertBumps(() -> sql("delete from assignment_comment where id = ?", comment), f.eng2.id());
    }

    @Test
    void posted_grade_changes_bump_the_section_course() {
        UUID grade = UUID.randomUUID();
        assertBumps(() -> sql("insert into posted_grade (id, section_id, task_item_id, term_code, student_number,"
                + " grade) values (?, ?, ?, 'Q1', '1001', 'B')", grade, f.eng1Section1, eng1Task()), f.eng1.id());
        assertBumps(() -> sql("update posted_grade set grade = 'A' where id = ?", grade), f.eng1.id());
        assertBumps(() -> sql("delete from posted_grade where id = ?", grade), f.eng1.id());
    }

    @Test
    void school_rename_bumps_every_course_of_its_calendars_and_other_columns_bump_nothing() {
        assertBumps(() -> sql("update school set name = 'Lakeside High School' where id = ?", f.lakeside),
                f.eng1.id(), f.eng2.id(), f.mat1.id(), f.art.id(), f.engPast.id());
        assertBumps(() -> sql("update school set code = 'LHS2' where id = ?", f.lakeside));
        assertBumps(() -> sql("update school set name = name"));
    }

    @Test
    void calendar_moved_to_another_school_bumps_its_courses() {
        assertBumps(() -> sql("update calendar set school_id = ? where id = ?", otherSchool, f.calendarPast),
                f.engPast.id());
        assertBumps(() -> sql("update calendar set name = 'renamed' where id = ?", f.calendarCurrent));
    }

    @Test
    void master_item_delete_or_move_bumps_the_courses_linked_to_it_and_content_edits_bump_nothing() {
        UUID engS1 = f.eng.itemId(ItemType.TASK, "S1");
        UUID matTests = f.mat.itemId(ItemType.CATEGORY, "tests");
        // content edits are covered by the request's master snapshot, not by the stamps
        assertBumps(() -> sql("update master_item set name = 'Semester One' where id = ?", engS1));
        assertBumps(() -> sql("insert into master_item (id, master_id, item_type, code, name) values"
                + " (gen_random_uuid(), ?, 'TASK', 'Q9', 'Quarter 9')", f.eng.id()));
        long science = f.d.master(f.catalog, "SCI101", "Science").id();
        assertBumps(() -> sql("update master_item set master_id = ? where id = ?", science, matTests),
                f.mat1.id());
        assertBumps(() -> sql("delete from master_item where id = ?", engS1),
                f.eng1.id(), f.eng2.id(), f.engPast.id(), other);
        // an import restoring an item that links still name
        assertBumps(() -> sql("insert into master_item (id, master_id, item_type, code, name) values"
                + " (?, ?, 'TASK', 'S1', 'Semester 1')", engS1, f.eng.id()),
                f.eng1.id(), f.eng2.id(), f.engPast.id(), other);
    }

    // --- the push's own writes, bulk statements ---

    @Test
    void nothing_is_bumped_while_the_push_writes_and_the_flag_ends_with_the_transaction() {
        UUID assignment = bareAssignment(f.eng1Section1);
        assertBumps(() -> f.inAlpha(() -> {
            f.jdbc.queryForObject("select set_config('cascade.push_writes', 'on', true)", String.class);
            f.jdbc.update("update course set name = name || ' *'");
            f.jdbc.update("update course_item set seq = seq + 1");
            f.jdbc.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                    + " values (gen_random_uuid(), ?, 'CATEGORY', 'Labs', 5, 'COURSE')", f.eng2Section1);
            f.jdbc.update("delete from section_item where section_id = ? and match_key = 'labs'", f.eng2Section1);
            f.jdbc.update("update section set teacher = teacher || ' *'");
            f.jdbc.update("insert into score (id, assignment_id, student_number) values (gen_random_uuid(), ?, '1')",
                    assignment);
            f.jdbc.update("update term set seq = seq + 10");
            f.jdbc.update("update school set name = name || ' *'");
            f.jdbc.update("insert into course (calendar_id, number, name) values (?, 'PUSHED', 'x')",
                    f.calendarCurrent);
            return null;
        }));
        assertThat(stamps()).as("a course inserted by the push has no stamp").containsValue(0L);
        // the setting was transaction-local: the next change is stamped again
        assertBumps(() -> sql("update section set teacher = 'Ms. R' where id = ?", f.eng1Section1), f.eng1.id());
        // any value but 'on' stamps
        assertBumps(() -> f.inAlpha(() -> {
            f.jdbc.queryForObject("select set_config('cascade.push_writes', 'off', true)", String.class);
            return f.jdbc.update("update course set name = name where id = ?", f.mat1.id());
        }), f.mat1.id());
    }

    @Test
    void a_push_writes_without_bumping_and_the_courses_it_changed_stay_at_their_stamp() {
        // master content edits are not stamped; the push that brings them to the courses is not stamped either
        assertBumps(() -> sql("update master_item set name = 'Semester One' where id = ?",
                f.eng.itemId(ItemType.TASK, "S1")));
        assertBumps(() -> {
            app.cascade.catalog.TestUsers.signIn(context, "alpha.push");
            try {
                PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, app.cascade.push.engine.PushMode.OVERWRITE,
                        true, java.util.EnumSet.allOf(app.cascade.grading.LockType.class)));
            } finally {
                app.cascade.catalog.TestUsers.signOut();
            }
        });
        assertThat(f.courseItems(f.eng1.id())).anyMatch(r -> "Semester One".equals(r.get("name")));
        // the flag was set back after the push's writes: edits bump again
        assertBumps(() -> sql("update course_item set name = 'S1' where course_id = ? and match_key = 'S1'"
                + " and item_type = 'TASK'", f.eng2.id()), f.eng2.id());
    }

    @Test
    void a_bulk_statement_bumps_each_course_once() {
        long[] withItems = {f.eng1.id(), f.eng2.id(), f.mat1.id(), f.art.id(), f.engPast.id(), other};
        assertBumps(() -> sql("update course_item set seq = seq + 1"), withItems);
        // art's section has no items
        assertBumps(() -> sql("update section_item set seq = seq + 1"), f.eng1.id(), f.eng2.id(), f.mat1.id(),
                f.engPast.id(), other);
        // three sections of two courses: one bump each
        assertBumps(() -> sql("update section set teacher = teacher || '.' where course_id in (?, ?)", f.eng1.id(),
                f.eng2.id()), f.eng1.id(), f.eng2.id());
        UUID a1 = bareAssignment(f.eng1Section1);
        UUID a2 = bareAssignment(f.eng1Section2);
        UUID a3 = bareAssignment(mat1Section());
        // 3 assignments x 200 students = 600 rows in one statement, then 600 comments
        assertBumps(() -> sql("insert into score (id, assignment_id, student_number, points)"
                + " select gen_random_uuid(), a, s::text, 5 from unnest(array[?, ?, ?]::uuid[]) a, generate_series(1, 200) s",
                a1, a2, a3), f.eng1.id(), f.mat1.id());
        assertBumps(() -> sql("insert into assignment_comment (id, assignment_id, student_number, body)"
                + " select gen_random_uuid(), assignment_id, student_number, 'ok' from score"), f.eng1.id(),
                f.mat1.id());
        assertBumps(() -> sql("update score set points = points + 1"), f.eng1.id(), f.mat1.id());
        assertBumps(() -> sql("delete from assignment_comment"), f.eng1.id(), f.mat1.id());
        assertBumps(() -> sql("delete from score where assignment_id <> ?", a3), f.eng1.id());
        assertBumps(() -> sql("update course set credits = 2"), stamps().keySet().stream()
                .mapToLong(Long::longValue).toArray());
    }

    @Test
    void a_statement_touching_no_row_bumps_nothing() {
        assertBumps(() -> sql("update course_item set seq = 0 where course_id = -1"));
        assertBumps(() -> sql("delete from score"));
    }
}
