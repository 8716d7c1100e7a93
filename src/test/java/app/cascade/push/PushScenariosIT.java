package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseLinkState;
import app.cascade.catalog.CourseService;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.cascade.grading.ItemType.CALC_OPTION;
import static app.cascade.grading.ItemType.CATEGORY;
import static app.cascade.grading.ItemType.TASK;
import static app.cascade.catalog.ItemSpec.calcOption;
import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance scenarios of ../shared/spec/scenarios.md that the push engine owns, against real PostgreSQL. The memo
 * runs in paranoid mode ({@code cascade.push.memo.paranoid}): a stale memo is planned instead, and the re-push from
 * memos after each scenario then takes fewer courses from them than it should, which fails.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.memo.paranoid=true")
class PushScenariosIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    JdbcTemplate jdbc;

    PushFixture f;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
    }

    /** The last push a scenario ran. */
    private PushCommand last;

    @AfterEach
    void tearDown() {
        try {
            if (last != null) {
                a_re_push_from_memos_reports_what_a_push_planned_from_scratch_reports();
            }
        } finally {
            TestUsers.signOut();
        }
    }

    /**
     * Every scenario's end state, pushed again with its last settings: once to settle it (and keep each course's
     * memo), once more with every unchanged course taken from its memo, and once planned from scratch (memos
     * dropped). The last two must report the same rows and results and change nothing (0014-course-push-memo).
     */
    private void a_re_push_from_memos_reports_what_a_push_planned_from_scratch_reports() {
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(last);
        List<String> settled = f.snapshot();
        PushMeasured fromMemo = PushRuns.of(context).measure(last);
        UUID fromMemos = fromMemo.requestId();
        int skipped = fromMemo.memoHits();
        f.inAlpha(() -> jdbc.update("delete from push_course_memo"));
        PushMeasured fresh = PushRuns.of(context).measure(last);
        UUID planned = fresh.requestId();

        assertThat(fresh.memoHits()).isZero();
        assertThat(pushes.reportRows(fromMemos)).isEqualTo(pushes.reportRows(planned));
        assertThat(results(fromMemos)).isEqualTo(results(planned));
        assertThat(f.snapshot()).isEqualTo(settled);
        // every course but a failing one (no memo) was taken from its memo
        assertThat(skipped).isEqualTo(results(fromMemos).stream().filter(r -> !r.contains("ERROR")).count());
    }

    private List<String> results(UUID request) {
        return f.inAlpha(() -> jdbc.queryForList("""
                select concat_ws(' ', course_id, outcome, created, updated, deleted, relinked, residual, renamed,
                                 info_fields) from push_course_result where request_id = ? order by course_id
                """, String.class, request));
    }

    private PushFixture district(CatalogLock... locks) {
        f = new PushFixture(context).build(locks);
        return f;
    }

    private UUID push(PushMode mode, boolean toSections, Set<LockType> types) {
        PushCommand command = PushCommand.catalog(f.catalog, f.current, mode, toSections, types);
        UUID request = run(command);
        last = command;
        return request;
    }

    /**
     * Runs one push of a scenario ({@link PushRuns}); every push of every scenario goes through here, so a subclass
     * can act around each one (UndoScenariosIT undoes the last one).
     */
    protected UUID run(PushCommand command) {
        return PushRuns.of(context).run(command);
    }

    private UUID pushAll(PushMode mode, boolean toSections) {
        return push(mode, toSections, EnumSet.allOf(LockType.class));
    }

    private List<ReasonCode> reasons(UUID request) {
        return pushes.reportRows(request).stream().map(ReportRow::reason).toList();
    }

    private static List<Object> column(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }

    @Test
    void scenario_01_locked_state_code_reaches_every_linked_course_and_nothing_else_changes() {
        district(CatalogLock.STATE_CODE, CatalogLock.TASKS_STANDARDS);
        f.d.update("update course_master set state_code = 'SC-NEW' where id = ?", f.eng.id());
        List<Map<String, Object>> itemsBefore = f.courseItems(f.eng1.id());

        UUID request = push(PushMode.PUSH_LOCKED, false, EnumSet.of(LockType.COURSE_INFO));

        assertThat(f.d.query("select count(*) from course where master_id = ? and state_code = 'SC-NEW'"
                + " and calendar_id = ?", Long.class, f.eng.id(), f.calendarCurrent)).isEqualTo(2);
        assertThat(f.courseItems(f.eng1.id())).isEqualTo(itemsBefore);
        assertThat(pushes.request(request).status()).isEqualTo(PushStatus.COMPLETED);
    }

    @Test
    void scenario_02_an_unlocked_department_is_not_pushed() {
        district(CatalogLock.STATE_CODE);
        f.d.update("update course_master set department = 'Humanities' where id = ?", f.eng.id());

        push(PushMode.PUSH_LOCKED, false, EnumSet.of(LockType.COURSE_INFO));

        assertThat(f.d.query("select department from course where id = ?", String.class, f.eng1.id()))
                .isEqualTo("English");
    }

    @Test
    void scenario_03_selected_but_unlocked_categories_are_untouched_and_reported_not_locked() {
        district(CatalogLock.TASKS_STANDARDS);
        f.d.update("update master_item set weight = 99 where master_id = ? and item_type = 'CATEGORY'", f.eng.id());
        List<String> before = f.snapshot();

        UUID request = push(PushMode.PUSH_LOCKED, true, EnumSet.of(LockType.CATEGORIES));

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(pushes.reportRows(request)).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ReasonCode.NOT_LOCKED);
            assertThat(r.dataType()).isEqualTo("Categories");
        });
    }

    @Test
    void scenario_04_a_new_master_task_reaches_every_linked_course_locked() {
        district();
        f.eng.with(task("S2", "Semester 2"));
        UUID s2 = f.eng.itemId(TASK, "S2");

        pushAll(PushMode.PUSH_LOCKED, false);

        for (long course : List.of(f.eng1.id(), f.eng2.id())) {
            assertThat(f.courseItems(course)).filteredOn(r -> "S2".equals(r.get("match_key"))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("master_item_id")).isEqualTo(s2);
                        assertThat(r.get("origin")).isEqualTo("MASTER");
                    });
        }
        assertThat(f.courseItems(f.engPast.id())).noneMatch(r -> "S2".equals(r.get("match_key")));
    }

    @Test
    void scenario_05_a_teacher_category_survives_push_locked_data() {
        district();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (gen_random_uuid(), ?, 'CATEGORY', 'Labs', 10, 'TEACHER')", f.eng1Section1);

        pushAll(PushMode.PUSH_LOCKED, true);

        assertThat(column(f.sectionItems(f.eng1Section1), "name")).contains("Labs");
    }

    @Test
    void scenario_06_a_teacher_category_without_assignments_is_wiped_by_overwrite() {
        district();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (gen_random_uuid(), ?, 'CATEGORY', 'Labs', 10, 'TEACHER')", f.eng1Section1);

        push(PushMode.OVERWRITE, false, EnumSet.of(LockType.CATEGORIES));

        assertThat(column(f.sectionItems(f.eng1Section1), "name")).doesNotContain("Labs");
    }

    @Test
    void scenario_07_overwrite_keeps_a_category_with_scores_as_residual() {
        district();
        UUID labs = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (?, ?, 'CATEGORY', 'Labs', 10, 'TEACHER')", labs, f.eng1Section1);
        f.assignment(f.eng1Section1, labs, null);
        List<Long> gradebook = f.gradebook();

        UUID request = pushAll(PushMode.OVERWRITE, true);

        assertThat(f.sectionItems(f.eng1Section1)).filteredOn(r -> labs.equals(r.get("id"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("residual")).isEqualTo(true);
                    assertThat(r.get("course_item_id")).isNull();
                });
        assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.RESIDUAL_HAS_DEPENDENTS)
                .singleElement().satisfies(r -> {
                    assertThat(r.item()).isEqualTo("Labs");
                    assertThat(r.section()).isEqualTo("1");
                    assertThat(r.dependents().assignments()).isEqualTo(1);
                    assertThat(r.dependents().scores()).isEqualTo(1);
                });
        assertThat(f.gradebook()).isEqualTo(gradebook);
        assertThat(f.d.query("select s.points from score s join assignment a on a.id = s.assignment_id"
                + " where a.category_item_id = ?", java.math.BigDecimal.class, labs)).isEqualByComparingTo("9.5");
    }

    @Test
    void scenario_08_overwrite_without_categories_keeps_every_teacher_category() {
        district();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (gen_random_uuid(), ?, 'CATEGORY', 'Labs', 10, 'TEACHER')", f.eng1Section1);

        push(PushMode.OVERWRITE, true, EnumSet.complementOf(EnumSet.of(LockType.CATEGORIES)));

        assertThat(column(f.sectionItems(f.eng1Section1), "name")).contains("Labs");
    }

    @Test
    void scenario_09_ignore_master_push_skips_the_course_in_catalog_and_master_pushes() {
        district();
        f.eng2.ignoreMasterPush();
        f.d.update("update course_master set state_code = 'SC-9' where id = ?", f.eng.id());
        f.eng.with(task("S2", "Semester 2"));
        List<Map<String, Object>> before = f.courseItems(f.eng2.id());

        UUID catalogPush = pushAll(PushMode.OVERWRITE, true);
        UUID masterPush = run(PushCommand.master(f.eng.id(), f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));

        assertThat(f.courseItems(f.eng2.id())).isEqualTo(before);
        assertThat(f.d.query("select state_code from course where id = ?", String.class, f.eng2.id()))
                .isNull();
        assertThat(f.d.query("select state_code from course where id = ?", String.class, f.eng1.id()))
                .isEqualTo("SC-9");
        for (UUID request : List.of(catalogPush, masterPush)) {
            assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason()
                    == ReasonCode.SKIPPED_IGNORE_MASTER_PUSH).singleElement()
                    .extracting(ReportRow::courseNumber).isEqualTo("ENG101-B");
        }
    }

    private void linkEng2TaskToMathMaster() {
        f.d.update("update course_item set master_item_id = ? where course_id = ? and item_type = 'TASK'"
                + " and code = 'S1'", f.mat.itemId(TASK, "S1"), f.eng2.id());
    }

    @Test
    void scenario_10_a_desynced_course_fails_push_locked_as_a_whole_and_the_others_are_pushed() {
        district();
        linkEng2TaskToMathMaster();
        f.eng.with(task("S2", "Semester 2"));
        List<Map<String, Object>> before = f.courseItems(f.eng2.id());

        UUID request = pushAll(PushMode.PUSH_LOCKED, true);

        assertThat(f.courseItems(f.eng2.id())).isEqualTo(before);
        assertThat(f.courseItems(f.eng1.id())).anyMatch(r -> "S2".equals(r.get("match_key")));
        assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.DESYNCED).singleElement()
                .satisfies(r -> {
                    assertThat(r.courseNumber()).isEqualTo("ENG101-B");
                    assertThat(r.dataType()).isEqualTo("Grading Tasks/Standards");
                    assertThat(r.message()).contains("condition 1");
                });
        assertThat(pushes.request(request).status()).isEqualTo(PushStatus.COMPLETED_WITH_WARNINGS);
    }

    @Autowired
    CourseService courses;
    @Autowired
    DesyncQuery desyncs;

    private CourseLinkState auditState(long courseId) {
        return courses.page(f.current, f.d.query("select school_id from calendar where id = ?", Long.class,
                f.calendarCurrent), "ENG101-B", 0, 10).stream().filter(c -> c.id() == courseId).findFirst()
                .orElseThrow().linkState();
    }

    @Test
    void scenario_11_overwrite_relinks_a_desynced_course() {
        district();
        linkEng2TaskToMathMaster();
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(auditState(f.eng2.id())).isEqualTo(CourseLinkState.DESYNCED);
        assertThat(desyncs.desyncedCourses(f.catalog, f.current)).singleElement().satisfies(c -> {
            assertThat(c.courseNumber()).isEqualTo("ENG101-B");
            assertThat(c.reasons()).extracting(app.cascade.push.engine.Desync::condition).containsExactly(1);
        });
        TestUsers.signIn(context, "alpha.push");

        UUID request = pushAll(PushMode.OVERWRITE, true);

        assertThat(f.courseItems(f.eng2.id())).filteredOn(r -> "S1".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> assertThat(r.get("master_item_id")).isEqualTo(f.eng.itemId(TASK, "S1")));
        assertThat(reasons(request)).contains(ReasonCode.RELINKED).doesNotContain(ReasonCode.DESYNCED);
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(auditState(f.eng2.id())).isEqualTo(CourseLinkState.LINKED);
        assertThat(desyncs.desyncedCourses(f.catalog, f.current)).isEmpty();
    }

    @Test
    void scenario_12_a_calc_option_edited_while_unlocked_desyncs_push_locked_and_overwrite_resets_it() {
        district();
        f.d.update("update course_item set master_item_id = null, calc_method = 'AVERAGE' where course_id = ?"
                + " and item_type = 'CALC_OPTION' and task_code = 'S1'", f.eng1.id());
        List<Map<String, Object>> before = f.courseItems(f.eng1.id());

        UUID locked = pushAll(PushMode.PUSH_LOCKED, false);
        assertThat(f.courseItems(f.eng1.id())).isEqualTo(before);
        assertThat(pushes.reportRows(locked)).filteredOn(r -> r.reason() == ReasonCode.DESYNCED).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("condition 3"));
        assertThat(desyncs.desyncedCourses(f.catalog, f.current)).extracting(DesyncedCourse::courseNumber)
                .containsExactly("ENG101");

        UUID overwrite = pushAll(PushMode.OVERWRITE, false);
        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "S1|Q1".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("calc_method")).isEqualTo("POINTS");
                    assertThat(r.get("master_item_id")).isEqualTo(f.eng.itemId(CALC_OPTION, "S1|Q1"));
                });
        assertThat(reasons(overwrite)).contains(ReasonCode.RELINKED);
    }

    /** Scenario 13's state: Q3 removed from the master after grades were posted for it in section 1. */
    private void removeQ3WithPostedGrades() {
        UUID q3 = f.d.query("select id from course_item where course_id = ? and item_type = 'TASK' and code = 'Q3'",
                UUID.class, f.eng1.id());
        f.postedGrade(f.eng1Section1, q3, "Q1");
        f.d.update("delete from master_item where master_id = ? and (code = 'Q3' or task_code = 'Q3')", f.eng.id());
    }

    @Test
    void scenario_13_a_removed_task_with_posted_grades_stays_residual_and_forces_no_calculation() {
        district();
        removeQ3WithPostedGrades();
        List<Long> gradebook = f.gradebook();

        UUID request = pushAll(PushMode.OVERWRITE, false);

        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "Q3".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("residual")).isEqualTo(true);
                    assertThat(r.get("master_item_id")).isNull();
                });
        for (long section : List.of(f.eng1Section1, f.eng1Section2)) {
            assertThat(f.sectionItems(section)).filteredOn(r -> "Q3|Q1".equals(r.get("match_key"))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("calc_method")).isEqualTo("NO_CALCULATION");
                        assertThat(r.get("forced_no_calc")).isEqualTo(true);
                    });
        }
        assertThat(f.courseItems(f.eng2.id())).noneMatch(r -> "Q3".equals(r.get("match_key")));
        assertThat(reasons(request)).contains(ReasonCode.RESIDUAL_HAS_DEPENDENTS);
        assertThat(f.gradebook()).isEqualTo(gradebook);
    }

    @Test
    void scenario_14_a_course_managed_calc_option_pushed_to_sections_lifts_no_calculation() {
        district();
        removeQ3WithPostedGrades();
        pushAll(PushMode.OVERWRITE, false);
        f.d.update("update course_item set residual = false, origin = 'COURSE', calc_method = 'AVERAGE'"
                + " where course_id = ? and item_type = 'CALC_OPTION' and task_code = 'Q3'", f.eng1.id());

        pushAll(PushMode.PUSH_LOCKED, true);

        for (long section : List.of(f.eng1Section1, f.eng1Section2)) {
            assertThat(f.sectionItems(section)).filteredOn(r -> "Q3|Q1".equals(r.get("match_key"))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("calc_method")).isEqualTo("AVERAGE");
                        assertThat(r.get("forced_no_calc")).isEqualTo(false);
                        assertThat(r.get("origin")).isEqualTo("COURSE");
                        assertThat(r.get("course_item_id")).isNotNull();
                    });
        }
    }

    @Test
    void scenario_15_a_task_added_back_to_the_master_relinks_the_residual_one() {
        district();
        removeQ3WithPostedGrades();
        pushAll(PushMode.OVERWRITE, false);
        UUID residualQ3 = f.d.query("select id from course_item where course_id = ? and code = 'Q3'", UUID.class,
                f.eng1.id());
        List<Long> gradebook = f.gradebook();
        f.eng.with(task("Q3", "Quarter 3"), calcOption("Q3", "Q1", "WEIGHTED"));

        UUID request = pushAll(PushMode.PUSH_LOCKED, false);

        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "Q3".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("residual")).isEqualTo(false);
                    assertThat(r.get("master_item_id")).isEqualTo(f.eng.itemId(TASK, "Q3"));
                });
        assertThat(f.d.query("select id from course_item where course_id = ? and code = 'Q3'", UUID.class,
                f.eng1.id())).isEqualTo(residualQ3);
        assertThat(f.gradebook()).isEqualTo(gradebook);
        assertThat(reasons(request)).contains(ReasonCode.RELINKED);
        assertThat(f.sectionItems(f.eng1Section1)).filteredOn(r -> "Q3|Q1".equals(r.get("match_key")))
                .singleElement().satisfies(r -> assertThat(r.get("forced_no_calc")).isEqualTo(false));
    }

    @Test
    void scenario_16_a_removed_task_without_dependents_is_deleted() {
        district();
        f.d.update("delete from master_item where master_id = ? and (code = 'Q3' or task_code = 'Q3')", f.eng.id());

        UUID request = pushAll(PushMode.PUSH_LOCKED, false);

        assertThat(f.courseItems(f.eng1.id())).noneMatch(r -> "Q3".equals(r.get("match_key"))
                || "Q3".equals(r.get("task_code")));
        assertThat(f.sectionItems(f.eng1Section1)).noneMatch(r -> "Q3".equals(r.get("task_code")));
        assertThat(reasons(request)).isEmpty();
    }

    @Test
    void scenario_17_a_teacher_category_colliding_with_a_pushed_one_is_renamed_and_keeps_its_assignment() {
        district();
        f.d.update("delete from section_item where section_id = ? and item_type = 'CATEGORY' and name = 'Tests'",
                f.eng1Section1);
        UUID teacherTests = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (?, ?, 'CATEGORY', 'Tests', 25, 'TEACHER')", teacherTests, f.eng1Section1);
        UUID assignment = f.assignment(f.eng1Section1, teacherTests, null);

        UUID request = pushAll(PushMode.PUSH_LOCKED, true);

        List<Map<String, Object>> categories = f.sectionItems(f.eng1Section1).stream()
                .filter(r -> "CATEGORY".equals(r.get("item_type"))).toList();
        assertThat(categories).filteredOn(r -> teacherTests.equals(r.get("id"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("name")).isEqualTo("Tests (1)");
                    assertThat(r.get("origin")).isEqualTo("TEACHER");
                });
        assertThat(categories).filteredOn(r -> "Tests".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r.get("course_item_id")).isNotNull());
        assertThat(f.d.query("select category_item_id from assignment where id = ?", UUID.class, assignment))
                .isEqualTo(teacherTests);
        assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.RENAMED_CATEGORY)
                .singleElement().satisfies(r -> assertThat(r.message()).contains("Tests (1)"));
    }

    @Test
    void scenario_18_only_the_selected_years_courses_change() {
        district();
        f.eng.with(task("S2", "Semester 2"));
        List<Map<String, Object>> pastBefore = f.courseItems(f.engPast.id());

        run(PushCommand.catalog(f.catalog, f.past, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));

        assertThat(f.courseItems(f.engPast.id())).anyMatch(r -> "S2".equals(r.get("match_key")));
        assertThat(f.courseItems(f.eng1.id())).noneMatch(r -> "S2".equals(r.get("match_key")));
        assertThat(pastBefore).noneMatch(r -> "S2".equals(r.get("match_key")));
    }

    @Test
    void scenario_19_a_course_without_master_link_is_never_touched() {
        district();
        List<Map<String, Object>> before = f.courseItems(f.art.id());

        pushAll(PushMode.OVERWRITE, true);

        assertThat(f.courseItems(f.art.id())).isEqualTo(before);
        assertThat(f.d.query("select master_id from course where id = ?", Long.class, f.art.id())).isNull();
    }

    @Test
    void scenario_28_one_failing_course_is_reported_as_error_and_the_others_commit() {
        district();
        f.eng.with(task("S2", "Semester 2"));
        f.d.update("""
                create function fail_for_eng2() returns trigger language plpgsql as $$
                begin
                  if new.course_id = %d then raise exception 'simulated constraint violation on course %d'; end if;
                  return new;
                end $$""".formatted(f.eng2.id(), f.eng2.id()));
        f.d.update("create trigger fail_for_eng2 before insert on course_item for each row execute function fail_for_eng2()");
        try {
            List<Map<String, Object>> eng2Before = f.courseItems(f.eng2.id());

            UUID request = pushAll(PushMode.PUSH_LOCKED, true);

            assertThat(f.courseItems(f.eng2.id())).isEqualTo(eng2Before);
            assertThat(f.courseItems(f.eng1.id())).anyMatch(r -> "S2".equals(r.get("match_key")));
            assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.ERROR).singleElement()
                    .satisfies(r -> {
                        assertThat(r.courseNumber()).isEqualTo("ENG101-B");
                        assertThat(r.message()).contains("simulated constraint violation");
                    });
            assertThat(pushes.request(request).status()).isEqualTo(PushStatus.COMPLETED_WITH_WARNINGS);
        } finally {
            f.d.update("drop trigger fail_for_eng2 on course_item");
            f.d.update("drop function fail_for_eng2()");
        }
    }

    @Test
    void scenario_29_the_same_push_twice_changes_nothing_the_second_time_and_repeats_only_state_rows() {
        district();
        linkEng2TaskToMathMaster();
        f.eng2.ignoreMasterPush();
        removeQ3WithPostedGrades();
        UUID teacherTests = UUID.randomUUID();
        f.d.update("insert into section_item (id, section_id, item_type, name, weight, origin)"
                + " values (?, ?, 'CATEGORY', 'tests', 10, 'TEACHER')", teacherTests, f.eng1Section2);
        f.assignment(f.eng1Section2, teacherTests, null);

        UUID first = pushAll(PushMode.OVERWRITE, true);
        List<String> afterFirst = f.snapshot();
        UUID second = pushAll(PushMode.OVERWRITE, true);

        assertThat(f.snapshot()).isEqualTo(afterFirst);
        assertThat(reasons(first)).contains(ReasonCode.RENAMED_CATEGORY, ReasonCode.RESIDUAL_HAS_DEPENDENTS,
                ReasonCode.SKIPPED_IGNORE_MASTER_PUSH);
        assertThat(reasons(second)).doesNotContain(ReasonCode.RELINKED, ReasonCode.RENAMED_CATEGORY)
                .contains(ReasonCode.RESIDUAL_HAS_DEPENDENTS, ReasonCode.SKIPPED_IGNORE_MASTER_PUSH);
    }
}
