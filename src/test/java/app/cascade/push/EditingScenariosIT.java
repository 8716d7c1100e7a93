package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseDetails;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.ItemLinkState;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupLockedException;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.reports.AwaitingPushRow;
import app.cascade.reports.AwaitingPushService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios 20–22 and 25–27: lock-enforced editing, awaiting push, copying masters. */
@CascadeIntegrationTest
class EditingScenariosIT extends EditingAsAlphaAdmin {

    @Autowired
    AwaitingPushService awaiting;

    @Test
    void scenario_20_deleting_a_locked_course_task_is_refused_and_adding_a_new_task_is_allowed() {
        UUID s1 = f.courseItemId(f.eng1.id(), "TASK", "S1");

        assertThatThrownBy(() -> setup.deleteCourseItem(s1)).isInstanceOf(SetupLockedException.class)
                .hasMessageContaining("\"S1 Semester 1\" is locked by the catalog \"High School Catalog\"")
                .hasMessageContaining("Grading Tasks/Standards");
        assertThatThrownBy(() -> setup.editCourseItem(s1, ItemEdit.task("S1", "Renamed")))
                .isInstanceOf(SetupLockedException.class);
        assertThat(f.courseItemId(f.eng1.id(), "TASK", "S1")).isEqualTo(s1);

        UUID added = setup.addCourseItem(f.eng1.id(), app.cascade.grading.ItemType.TASK,
                ItemEdit.task("EX1", "Extra credit"));
        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "EX1".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("origin")).isEqualTo("COURSE");
                    assertThat(r.get("master_item_id")).isNull();
                });
        assertThat(added).isNotNull();
        // but not one with the key of a locked master item: that would desync the course (condition 3)
        assertThatThrownBy(() -> setup.addCourseItem(f.eng1.id(), app.cascade.grading.ItemType.TASK,
                ItemEdit.task("Q3", "Quarter 3 again"))).isInstanceOf(SetupLockedException.class)
                .hasMessageContaining("push the master instead");
    }

    @Test
    void scenario_21_a_newly_locked_name_is_read_only_on_courses_with_the_old_value_until_pushed() {
        f.d.update("delete from catalog_lock where catalog_id = ? and lock_name = 'name'", f.catalog);
        f.d.update("update course_master set name = 'English 9 Honors' where id = ?", f.eng.id());
        setup.editCourseInfo(f.eng1.id(), CatalogLock.NAME, "English Nine");

        f.d.update("insert into catalog_lock (catalog_id, lock_name) values (?, 'name')", f.catalog);

        CourseDetails details = courses.course(f.eng1.id()).orElseThrow();
        assertThat(details.lockedInfoFields()).contains(CatalogLock.NAME);
        assertThat(details.info().name()).isEqualTo("English Nine");
        assertThatThrownBy(() -> setup.editCourseInfo(f.eng1.id(), CatalogLock.NAME, "Mine"))
                .isInstanceOf(SetupLockedException.class).hasMessageContaining("Name is locked by the catalog");

        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.of(LockType.COURSE_INFO)));
        TestUsers.signIn(context, "alpha.admin");
        assertThat(courses.course(f.eng1.id()).orElseThrow().info().name()).isEqualTo("English 9 Honors");
    }

    @Test
    void scenario_22_a_locked_pushed_assessment_can_be_edited_and_stays_linked() {
        UUID a1 = f.courseItemId(f.eng1.id(), "ASSESSMENT", "A1");

        setup.editCourseItem(a1, ItemEdit.assessment("A1", "Final exam (school version)"));

        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "A1".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("name")).isEqualTo("Final exam (school version)");
                    assertThat(r.get("master_item_id")).isEqualTo(f.eng.itemId(app.cascade.grading.ItemType.ASSESSMENT,
                            "A1"));
                });
        // the next push restores the master's values: assessments are soft
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.of(LockType.ASSESSMENTS)));
        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "A1".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> assertThat(r.get("name")).isEqualTo("Final exam"));
    }

    @Test
    void unlocked_items_lose_their_link_when_edited_and_residual_ones_become_course_managed() {
        f.d.update("delete from catalog_lock where catalog_id = ? and lock_name = 'CATEGORIES'", f.catalog);
        UUID tests = f.courseItemId(f.eng1.id(), "CATEGORY", "tests");
        CourseDetails details = courses.course(f.eng1.id()).orElseThrow();
        assertThat(details.items()).filteredOn(i -> i.values().id().equals(tests)).singleElement()
                .extracting(i -> i.linkState()).isEqualTo(ItemLinkState.LINKED_UNLOCKED);

        setup.editCourseItem(tests, ItemEdit.category("Tests", new BigDecimal("70")));
        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "tests".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> assertThat(r.get("master_item_id")).isNull());

        UUID residual = UUID.randomUUID();
        f.d.update("insert into course_item (id, course_id, item_type, code, name, origin, residual)"
                + " values (?, ?, 'TASK', 'OLD', 'Old task', 'MASTER', true)", residual, f.eng1.id());
        setup.editCourseItem(residual, ItemEdit.task("OLD", "Old task, kept"));
        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "OLD".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("residual")).isEqualTo(false);
                    assertThat(r.get("origin")).isEqualTo("COURSE");
                });
    }

    @Test
    void section_items_linked_to_locked_course_items_or_forced_to_no_calculation_are_read_only() {
        UUID sectionTests = f.sectionItemId(f.eng1Section1, "CATEGORY", "tests");
        assertThatThrownBy(() -> setup.editSectionItem(sectionTests, ItemEdit.category("Tests", BigDecimal.TEN)))
                .isInstanceOf(SetupLockedException.class).hasMessageContaining("Categories locked");
        assertThatThrownBy(() -> setup.addSectionItem(f.eng1Section1, app.cascade.grading.ItemType.CATEGORY,
                ItemEdit.category("TESTS", BigDecimal.ONE))).isInstanceOf(SetupLockedException.class);

        UUID labs = setup.addSectionItem(f.eng1Section1, app.cascade.grading.ItemType.CATEGORY,
                ItemEdit.category("Labs", BigDecimal.ONE));
        setup.editSectionItem(labs, ItemEdit.category("Labs", BigDecimal.TWO));
        setup.deleteSectionItem(labs);

        UUID forced = f.sectionItemId(f.eng1Section1, "CALC_OPTION", "Q3|Q1");
        f.d.update("update section_item set forced_no_calc = true, calc_method = 'NO_CALCULATION',"
                + " course_item_id = null where id = ?", forced);
        assertThatThrownBy(() -> setup.editSectionItem(forced, ItemEdit.calcOption("Q3", "Q1", "POINTS")))
                .isInstanceOf(SetupLockedException.class).hasMessageContaining("No Calculation");
        assertThatThrownBy(() -> setup.addSectionItem(f.eng1Section1, app.cascade.grading.ItemType.TASK,
                ItemEdit.task("T", "T"))).isInstanceOf(SetupEditException.class);
    }

    @Test
    void a_viewer_and_a_push_admin_cannot_edit_setup() {
        UUID s1 = f.courseItemId(f.eng1.id(), "TASK", "S1");
        for (String user : List.of("alpha.viewer", "alpha.push")) {
            TestUsers.signIn(context, user);
            assertThatThrownBy(() -> setup.deleteCourseItem(s1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> masters.updateInfo(f.eng.id(), CatalogLock.NAME, "x"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> copies.copyToNew(f.eng.id(), f.catalog, "ENG999", EnumSet.of(LockType.CATEGORIES)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void scenario_25_awaiting_push_lists_grading_changes_but_not_attribute_changes() {
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "alpha.admin");
        assertThat(awaiting.awaiting(f.catalog)).isEmpty();

        masters.updateInfo(f.eng.id(), CatalogLock.STATE_CODE, "SC-2");
        assertThat(awaiting.awaiting(f.catalog)).isEmpty();

        masters.addItem(f.eng.id(), app.cascade.grading.ItemType.CATEGORY, ItemEdit.category("Labs", BigDecimal.TEN));
        UUID q3 = f.eng.itemId(app.cascade.grading.ItemType.TASK, "Q3");
        masters.updateItem(q3, ItemEdit.task("Q3", "Third quarter"));

        List<AwaitingPushRow> rows = awaiting.awaiting(f.catalog);
        assertThat(rows).extracting(AwaitingPushRow::masterNumber, AwaitingPushRow::item, AwaitingPushRow::change,
                AwaitingPushRow::changedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ENG101", "Labs", "ADDED", "Alpha Admin"),
                org.assertj.core.groups.Tuple.tuple("ENG101", "Q3", "MODIFIED", "Alpha Admin"));
        assertThat(rows.getFirst().linkedCourses()).isEqualTo(3);

        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.master(f.eng.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
        TestUsers.signIn(context, "alpha.viewer");
        assertThat(awaiting.awaiting(f.catalog)).isEmpty();
    }

    @Test
    void scenario_26_copying_into_a_number_that_exists_in_the_target_catalog_is_refused() {
        assertThatThrownBy(() -> copies.copyToNew(f.eng.id(), f.catalog, "MAT101", EnumSet.of(LockType.CATEGORIES)))
                .isInstanceOf(SetupEditException.class)
                .hasMessageContaining("A course master numbered MAT101 already exists in the catalog "
                        + "\"High School Catalog\"");
        assertThat(f.d.query("select count(*) from course_master", Long.class)).isEqualTo(2);
    }

    @Test
    void scenario_27_copying_grade_calc_options_copies_grading_tasks_and_standards_too() {
        var result = copies.copyToNew(f.eng.id(), f.catalog, "ENG102", EnumSet.of(LockType.CALC_OPTIONS));

        assertThat(result.typesCopied()).containsExactlyInAnyOrder(LockType.CALC_OPTIONS, LockType.TASKS_STANDARDS);
        long copy = result.targetMasterIds().getFirst();
        List<Map<String, Object>> items = f.inAlpha(() -> f.jdbc.queryForList(
                "select item_type, match_key from master_item where master_id = ? order by item_type, match_key",
                copy));
        assertThat(items).extracting(m -> m.get("item_type") + " " + m.get("match_key"))
                .containsExactly("CALC_OPTION Q3|Q1", "CALC_OPTION S1|Q1", "TASK Q3", "TASK S1");
    }

    @Test
    void copying_into_an_existing_master_matches_items_by_key_and_records_the_changes() {
        copies.copyToExisting(f.eng.id(), List.of(f.mat.id()), EnumSet.of(LockType.CATEGORIES, LockType.COURSE_INFO));

        assertThat(f.inAlpha(() -> f.jdbc.queryForList("select name || ':' || weight from master_item"
                + " where master_id = ? and item_type = 'CATEGORY' order by name", String.class, f.mat.id())))
                .containsExactly("Homework:40.000", "Tests:60.000");
        assertThat(f.d.query("select name from course_master where id = ?", String.class, f.mat.id()))
                .isEqualTo("English 9");
        assertThat(awaiting.awaiting(f.catalog)).extracting(AwaitingPushRow::masterNumber, AwaitingPushRow::change)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MAT101", "MODIFIED"),
                        org.assertj.core.groups.Tuple.tuple("MAT101", "ADDED"));
    }

    @Test
    void a_master_with_linked_courses_cannot_be_deleted_and_the_refusal_names_them() {
        assertThatThrownBy(() -> masters.deleteMaster(f.eng.id())).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("ENG101 (LHS, 25-26)").hasMessageContaining("ENG101-B (LHS, 26-27)");
    }
}
