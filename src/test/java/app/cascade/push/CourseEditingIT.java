package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CourseDetails;
import app.cascade.catalog.CourseLinkState;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.ItemLinkState;
import app.cascade.catalog.SetupEditException;
import app.cascade.catalog.SetupItem;
import app.cascade.catalog.SetupLockedException;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Course and section editing by a district admin beyond scenarios 20–22 (see {@link EditingScenariosIT}): every
 * locked type refuses changes at course and section level, Ignore Master Push persists, unlocks the course and makes
 * master pushes skip it (but not Push All Courses), Course Info edits are all or nothing, and a viewer is refused
 * every write.
 */
@CascadeIntegrationTest
class CourseEditingIT extends EditingAsAlphaAdmin {

    @Test
    void locked_categories_and_calc_options_refuse_edit_and_delete_at_course_and_section_naming_the_lock() {
        UUID tests = f.courseItemId(f.eng1.id(), "CATEGORY", "tests");
        UUID calc = f.courseItemId(f.eng1.id(), "CALC_OPTION", "S1|Q1");
        UUID sectionCalc = f.sectionItemId(f.eng1Section1, "CALC_OPTION", "S1|Q1");
        List<String> before = f.snapshot();

        assertThatThrownBy(() -> setup.editCourseItem(tests, ItemEdit.category("Tests", BigDecimal.ONE)))
                .isInstanceOf(SetupLockedException.class)
                .hasMessage("\"Tests\" is locked by the catalog \"High School Catalog\" (Categories locked): change "
                        + "it on the course master ENG101 and push it");
        assertThatThrownBy(() -> setup.deleteCourseItem(tests)).isInstanceOf(SetupLockedException.class)
                .hasMessageContaining("Categories locked");
        assertThatThrownBy(() -> setup.editCourseItem(calc, ItemEdit.calcOption("S1", "Q1", "WEIGHTED")))
                .isInstanceOf(SetupLockedException.class).hasMessageContaining("(Grade Calc Options locked)");
        assertThatThrownBy(() -> setup.deleteCourseItem(calc)).isInstanceOf(SetupLockedException.class)
                .hasMessageContaining("\"S1 / Q1\" is locked by the catalog \"High School Catalog\"");
        assertThatThrownBy(() -> setup.deleteSectionItem(sectionCalc)).isInstanceOf(SetupLockedException.class)
                .hasMessageContaining("(Grade Calc Options locked)");
        assertThatThrownBy(() -> setup.editCourseInfo(f.eng1.id(), Map.of(CatalogLock.DESCRIPTION, "Mine")))
                .isInstanceOf(SetupLockedException.class).hasMessageContaining("Description is locked");

        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void ignore_master_push_persists_unlocks_the_course_and_a_later_master_push_skips_it() {
        setup.setIgnoreMasterPush(f.eng1.id(), true);

        CourseDetails ignored = courses.course(f.eng1.id()).orElseThrow();
        assertThat(ignored.ignoreMasterPush()).isTrue();
        assertThat(ignored.linkState()).isEqualTo(CourseLinkState.IGNORE);
        assertThat(ignored.lockedInfoFields()).isEmpty();
        assertThat(ignored.items()).extracting(SetupItem::linkState).doesNotContain(ItemLinkState.LOCKED);
        setup.editCourseItem(f.courseItemId(f.eng1.id(), "CATEGORY", "tests"),
                ItemEdit.category("Tests", BigDecimal.TEN));
        setup.editCourseInfo(f.eng1.id(), Map.of(CatalogLock.NAME, "English 9 (our own)"));

        f.eng.with(task("S2", "Semester 2"));
        List<Map<String, Object>> before = f.courseItems(f.eng1.id());
        TestUsers.signIn(context, "alpha.push");
        UUID request = PushRuns.of(context).run(PushCommand.catalog(f.catalog, f.current, PushMode.OVERWRITE, true,
                EnumSet.allOf(LockType.class)));

        assertThat(pushes.reportRows(request)).filteredOn(r -> r.reason() == ReasonCode.SKIPPED_IGNORE_MASTER_PUSH)
                .singleElement().extracting(ReportRow::courseNumber).isEqualTo("ENG101");
        assertThat(f.courseItems(f.eng1.id())).isEqualTo(before);
        assertThat(f.d.query("select name from course where id = ?", String.class, f.eng1.id()))
                .isEqualTo("English 9 (our own)");
        assertThat(f.courseItems(f.eng2.id())).anyMatch(r -> "S2".equals(r.get("match_key")));

        TestUsers.signIn(context, "alpha.admin");
        setup.setIgnoreMasterPush(f.eng1.id(), false);
        CourseDetails following = courses.course(f.eng1.id()).orElseThrow();
        assertThat(following.ignoreMasterPush()).isFalse();
        assertThat(following.items()).filteredOn(i -> "S1".equals(i.values().matchKey())).singleElement()
                .extracting(SetupItem::linkState).isEqualTo(ItemLinkState.LOCKED);
        assertThatThrownBy(() -> setup.deleteCourseItem(f.courseItemId(f.eng1.id(), "TASK", "S1")))
                .isInstanceOf(SetupLockedException.class);
    }

    @Test
    void ignore_master_push_is_refused_on_a_course_without_master_and_push_all_courses_still_reaches_it() {
        assertThatThrownBy(() -> setup.setIgnoreMasterPush(f.art.id(), true)).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("has no course master");
        assertThat(f.d.query("select ignore_master_push from course where id = ?", Boolean.class, f.art.id()))
                .isFalse();

        setup.setIgnoreMasterPush(f.eng1.id(), true);
        setup.addCourseItem(f.eng1.id(), app.cascade.grading.ItemType.CATEGORY,
                ItemEdit.category("Projects", BigDecimal.ONE));
        TestUsers.signIn(context, "alpha.push");
        PushRuns.of(context).run(PushCommand.courses(f.current, f.calendarCurrent, PushMode.PUSH_LOCKED,
                EnumSet.of(LockType.CATEGORIES)));

        for (long section : List.of(f.eng1Section1, f.eng1Section2)) {
            assertThat(f.sectionItems(section)).filteredOn(r -> "projects".equals(r.get("match_key")))
                    .singleElement().satisfies(r -> assertThat(r.get("course_item_id")).isNotNull());
        }
    }

    @Test
    void course_info_edits_are_all_or_nothing_and_bad_values_name_the_field() {
        f.d.update("delete from catalog_lock where catalog_id = ? and lock_name in ('department', 'credits')",
                f.catalog);
        Map<CatalogLock, String> bad = new LinkedHashMap<>();
        bad.put(CatalogLock.DEPARTMENT, "Humanities");
        bad.put(CatalogLock.CREDITS, "one and a half");

        assertThatThrownBy(() -> setup.editCourseInfo(f.eng1.id(), bad)).isInstanceOf(SetupEditException.class)
                .hasMessage("Credits must be a number, was \"one and a half\"");
        assertThat(f.d.query("select department from course where id = ?", String.class, f.eng1.id()))
                .isEqualTo("English");

        bad.put(CatalogLock.CREDITS, "1.5");
        setup.editCourseInfo(f.eng1.id(), bad);
        assertThat(courses.course(f.eng1.id()).orElseThrow().info())
                .satisfies(info -> {
                    assertThat(info.department()).isEqualTo("Humanities");
                    assertThat(info.credits()).isEqualByComparingTo("1.5");
                });
    }

    @Test
    void composite_parts_follow_the_master_rule_and_bad_ones_are_refused_with_a_message() {
        ItemEdit composite = new ItemEdit(null, "Semester", "S1", "Q2", null, 0, null, null, "{not json");
        assertThatThrownBy(() -> setup.addCourseItem(f.art.id(), app.cascade.grading.ItemType.COMPOSITE, composite))
                .isInstanceOf(SetupEditException.class).hasMessageContaining("not valid JSON");
        ItemEdit object = new ItemEdit(null, "Semester", "S1", "Q2", null, 0, null, null, "{\"a\":1}");
        assertThatThrownBy(() -> setup.addCourseItem(f.art.id(), app.cascade.grading.ItemType.COMPOSITE, object))
                .isInstanceOf(SetupEditException.class).hasMessageContaining("must be a list");
        ItemEdit half = new ItemEdit(null, "Semester", "S1", "Q2", null, 0, null, null,
                "[{\"taskCode\":\"Q1\",\"termCode\":\"Q1\",\"weight\":50}]");
        assertThatThrownBy(() -> setup.addCourseItem(f.art.id(), app.cascade.grading.ItemType.COMPOSITE, half))
                .isInstanceOf(SetupEditException.class).hasMessageContaining("must add up to 100 %");
        setup.addCourseItem(f.art.id(), app.cascade.grading.ItemType.COMPOSITE, new ItemEdit(null, "Semester", "S1",
                "Q2", null, 0, null, null, "[{\"taskCode\":\"Q1\",\"termCode\":\"Q1\",\"weight\":100}]"));
        assertThat(f.courseItems(f.art.id())).anyMatch(r -> "COMPOSITE".equals(r.get("item_type")));
    }

    @Test
    void a_viewer_is_refused_every_write_to_course_and_section_setup() {
        UUID tests = f.courseItemId(f.art.id(), "CATEGORY", "tests");
        UUID homework = f.sectionItemId(f.eng1Section1, "CATEGORY", "homework");
        List<String> before = f.snapshot();
        TestUsers.signIn(context, "alpha.viewer");

        List<Executable> writes = List.of(
                () -> setup.editCourseItem(tests, ItemEdit.category("Tests", BigDecimal.ONE)),
                () -> setup.deleteCourseItem(tests),
                () -> setup.addCourseItem(f.art.id(), app.cascade.grading.ItemType.TASK, ItemEdit.task("X", "X")),
                () -> setup.editCourseInfo(f.art.id(), CatalogLock.NAME, "Art"),
                () -> setup.editCourseInfo(f.art.id(), Map.of(CatalogLock.NAME, "Art")),
                () -> setup.setIgnoreMasterPush(f.eng1.id(), true),
                () -> setup.editSectionItem(homework, ItemEdit.category("Homework", BigDecimal.ONE)),
                () -> setup.deleteSectionItem(homework),
                () -> setup.addSectionItem(f.eng1Section1, app.cascade.grading.ItemType.CATEGORY,
                        ItemEdit.category("Labs", BigDecimal.ONE)));
        for (Executable write : writes) {
            assertThatThrownBy(write::execute).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(f.snapshot()).isEqualTo(before);
    }
}
