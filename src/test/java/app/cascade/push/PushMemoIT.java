package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReportRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-push takes a course from its memo only while nothing the planner reads for it changed
 * (docs/decisions/0014-course-push-memo.md). The memos are marked after a settling push (a result count no plan gives),
 * so a course whose result carries the mark was taken from its memo and every other one was planned again; the
 * push's report, part copied and part planned, must equal a dry run's, which plans every course. The marks are memos
 * that planning contradicts on purpose, so this class runs without paranoid mode (ParanoidMemoIT).
 */
@CascadeIntegrationTest
class PushMemoIT {

    private static final int MARK = 4242;

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;
    Set<Long> current;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        f.eng.with(task("S2", "Semester 2"));
        current = Set.of(f.eng1.id(), f.eng2.id(), f.mat1.id());
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private PushCommand command(PushMode mode) {
        return PushCommand.catalog(f.catalog, f.current, mode, true, EnumSet.allOf(LockType.class));
    }

    /** Settles the district with {@code first}, marks every memo, makes the change and pushes {@code second}. */
    private Set<Long> plannedAfter(PushMode first, Runnable change, PushMode second) {
        PushRuns.of(context).run(command(first));
        assertThat(f.inAlpha(() -> jdbc.update("update push_course_memo set renamed = ?", MARK)))
                .as("every course of the push keeps a memo").isEqualTo(current.size());
        change.run();
        // a dry run plans every course afresh: the push, partly from memos, must report exactly its rows
        List<ReportRow> fresh = pushes.preview(command(second)).rows();
        PushMeasured pushed = PushRuns.of(context).measure(command(second));
        UUID request = pushed.requestId();
        assertThat(pushes.reportRows(request)).isEqualTo(fresh);
        List<Long> planned = f.inAlpha(() -> jdbc.queryForList(
                "select course_id from push_course_result where request_id = ? and renamed <> ?", Long.class,
                request, MARK));
        assertThat(pushed.memoHits()).isEqualTo(current.size() - planned.size());
        return Set.copyOf(planned);
    }

    private Set<Long> plannedAfter(Runnable change) {
        return plannedAfter(PushMode.OVERWRITE, change, PushMode.OVERWRITE);
    }

    @Test
    void an_unchanged_district_is_taken_from_the_memos_and_reports_what_planning_it_reports() {
        // state rows to repeat: a teacher category with an assignment kept as residual, a course that ignores pushes
        UUID labs = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (?, ?, 'CATEGORY', 'Labs', 10, 'TEACHER')", labs, f.eng1Section1);
        f.assignment(f.eng1Section1, labs, null);
        f.eng2.ignoreMasterPush();

        assertThat(plannedAfter(() -> {
        })).isEmpty();

        UUID fromMemos = PushRuns.of(context).run(command(PushMode.OVERWRITE));
        f.inAlpha(() -> jdbc.update("delete from push_course_memo"));
        UUID planned = PushRuns.of(context).run(command(PushMode.OVERWRITE));
        assertThat(pushes.reportRows(fromMemos)).isNotEmpty().isEqualTo(pushes.reportRows(planned));
    }

    @Test
    void a_score_entered_in_a_course_makes_only_that_course_planned_again() {
        UUID category = f.d.query("select id from section_item where section_id = ? and item_type = 'CATEGORY'"
                + " and name = 'Tests'", UUID.class, f.eng1Section1);
        assertThat(plannedAfter(() -> f.assignment(f.eng1Section1, category, null))).containsOnly(f.eng1.id());
    }

    @Test
    void an_edit_of_a_course_or_of_its_sections_makes_that_course_planned_again() {
        assertThat(plannedAfter(() -> f.d.update("update course set description = 'edited' where id = ?",
                f.eng2.id()))).containsOnly(f.eng2.id());
        assertThat(plannedAfter(() -> f.d.update("update section_item set weight = weight + 1 where section_id in"
                + " (select id from section where course_id = ?)", f.mat1.id()))).containsOnly(f.mat1.id());
        assertThat(plannedAfter(() -> f.d.update("insert into section (course_id, number, teacher)"
                + " values (?, '9', 'Mr. New')", f.eng2.id()))).containsOnly(f.eng2.id());
    }

    @Test
    void a_new_term_or_a_renamed_school_makes_their_courses_planned_again() {
        assertThat(plannedAfter(() -> f.d.update("insert into term (calendar_id, code, seq) values (?, 'Q5', 5)",
                f.calendarCurrent))).isEqualTo(current);
        assertThat(plannedAfter(() -> f.d.update("update school set name = 'Lakeside High School'")))
                .isEqualTo(current);
    }

    @Test
    void a_master_edit_makes_the_masters_courses_planned_again() {
        assertThat(plannedAfter(() -> f.d.update("update master_item set name = 'Semester Two' where master_id = ?"
                + " and match_key = 'S2'", f.eng.id()))).containsOnly(f.eng1.id(), f.eng2.id());
        assertThat(plannedAfter(() -> f.d.update("update course_master set description = 'new' where id = ?",
                f.mat.id()))).containsOnly(f.mat1.id());
    }

    @Test
    void other_settings_or_catalog_locks_make_every_course_planned_again() {
        assertThat(plannedAfter(PushMode.OVERWRITE, () -> {
        }, PushMode.PUSH_LOCKED)).isEqualTo(current);
        assertThat(plannedAfter(() -> f.d.update("delete from catalog_lock where catalog_id = ? and lock_name = ?",
                f.catalog, "department"))).isEqualTo(current);
    }

    @Test
    void a_master_push_uses_the_memos_of_a_catalog_push_and_a_push_from_courses_keeps_its_own() {
        PushRuns.of(context).run(command(PushMode.OVERWRITE));
        assertThat(PushRuns.of(context).measure(PushCommand.master(f.eng.id(), f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class))).memoHits()).as("ENG101's two courses, as the catalog push left them")
                .isEqualTo(2);

        PushCommand fromCourses = PushCommand.courses(f.current, f.calendarCurrent, PushMode.OVERWRITE,
                EnumSet.allOf(LockType.class));
        assertThat(PushRuns.of(context).measure(fromCourses).memoHits()).as("other settings: planned").isZero();
        PushMeasured again = PushRuns.of(context).measure(fromCourses);
        UUID fromMemos = again.requestId();
        int courses = f.inAlpha(() -> jdbc.queryForObject(
                "select count(*) from push_course_result where request_id = ?", Integer.class, fromMemos));
        assertThat(again.memoHits()).isEqualTo(courses).isPositive();
        f.inAlpha(() -> jdbc.update("delete from push_course_memo"));
        UUID planned = PushRuns.of(context).run(fromCourses);
        assertThat(pushes.reportRows(fromMemos)).isEqualTo(pushes.reportRows(planned));
    }

    @Test
    void a_failing_course_keeps_no_memo_and_the_others_keep_theirs() {
        PushRuns.of(context).run(command(PushMode.OVERWRITE));
        f.eng.with(task("S3", "Semester 3"));
        f.d.update("""
                create function fail_for_eng2() returns trigger language plpgsql as $$
                begin
                  if new.course_id = %d then raise exception 'simulated failure'; end if;
                  return new;
                end $$""".formatted(f.eng2.id()));
        f.d.update("create trigger fail_for_eng2 before insert on course_item for each row"
                + " execute function fail_for_eng2()");
        try {
            PushRuns.of(context).run(command(PushMode.OVERWRITE));
        } finally {
            f.d.update("drop trigger fail_for_eng2 on course_item");
            f.d.update("drop function fail_for_eng2()");
        }

        assertThat(f.inAlpha(() -> jdbc.queryForList("select course_id from push_course_memo", Long.class)))
                .containsExactlyInAnyOrder(f.eng1.id(), f.mat1.id());
        PushMeasured retried = PushRuns.of(context).measure(command(PushMode.OVERWRITE));
        UUID retry = retried.requestId();
        assertThat(retried.memoHits()).isEqualTo(2);
        assertThat(f.courseItems(f.eng2.id())).anyMatch(r -> "S3".equals(r.get("match_key")));
        assertThat(pushes.request(retry).status()).isEqualTo(PushStatus.COMPLETED);
    }

    @Test
    void truncating_a_table_the_planner_reads_forgets_every_memo() {
        for (String table : List.of("score", "assignment_comment", "posted_grade")) {
            PushRuns.of(context).run(command(PushMode.OVERWRITE));
            assertThat(f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_course_memo", Long.class)))
                    .as("memos before truncating %s", table).isEqualTo(current.size());

            f.d.update("truncate " + table);

            assertThat(f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_course_memo", Long.class)))
                    .as("memos after truncating %s", table).isZero();
        }
    }

    @Test
    void a_deleted_course_takes_its_memo_with_it() {
        PushRuns.of(context).run(command(PushMode.OVERWRITE));
        long before = f.inAlpha(() -> jdbc.queryForObject("select count(*) from push_course_memo", Long.class));
        f.d.update("delete from section_item where section_id in (select id from section where course_id = ?)",
                f.mat1.id());
        f.d.update("delete from section where course_id = ?", f.mat1.id());
        f.d.update("delete from course_item where course_id = ?", f.mat1.id());
        f.d.update("delete from course where id = ?", f.mat1.id());

        assertThat(f.inAlpha(() -> jdbc.queryForList("select course_id from push_course_memo", Long.class))
                .stream().collect(Collectors.toSet())).hasSize((int) before - 1).doesNotContain(f.mat1.id());
    }
}
