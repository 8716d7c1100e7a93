package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CalendarRef;
import app.cascade.catalog.CourseRow;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.SetupItem;
import app.cascade.grading.ItemType;
import app.cascade.push.engine.PushMode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Courses view for a district admin and a viewer, and the Push All Courses view, on the real services. */
@CascadeIntegrationTest
class CourseEditingKaribuIT extends KaribuWithPushFixture {

    static final String LOCK_TOOLTIP = "Locked by catalog High School Catalog: ";

    @Test
    void a_district_admin_sees_padlocks_with_the_catalog_lock_on_locked_items_and_no_controls_for_them() {
        openCourse("alpha.admin", "ENG101");

        Grid<SetupItem> items = grid("course-items");
        int s1 = row(items, ItemType.TASK, "S1");
        Icon padlock = _get(cell(items, s1, "link"), Icon.class);
        assertThat(padlock.getTooltip().getText()).isEqualTo(LOCK_TOOLTIP + "Grading Tasks/Standards");
        assertThat(_find(cell(items, s1, "actions"), Button.class)).isEmpty();
        int tests = row(items, ItemType.CATEGORY, "tests");
        assertThat(_get(cell(items, tests, "link"), Icon.class).getTooltip().getText())
                .isEqualTo(LOCK_TOOLTIP + "Categories");
        assertThat(_find(cell(items, tests, "actions"), Button.class)).isEmpty();
        // the section copy of a locked course item is locked too
        Grid<SetupItem> section = grid("section-" + f.eng1Section1 + "-items");
        int sectionTests = row(section, ItemType.CATEGORY, "tests");
        assertThat(_get(cell(section, sectionTests, "link"), Icon.class).getTooltip().getText())
                .isEqualTo(LOCK_TOOLTIP + "Categories");
        assertThat(_find(cell(section, sectionTests, "actions"), Button.class)).isEmpty();
        // every Course Info field is locked by this catalog: read-only with a padlock, nothing to save
        assertThat(_get(Span.class, spec -> spec.withId("info-stateCode")).getText()).isEqualTo("SC-ENG");
        assertThat(_get(_get(Span.class, spec -> spec.withId("info-name")), Icon.class).getTooltip().getText())
                .isEqualTo(LOCK_TOOLTIP + "Name");
        assertThat(_find(TextField.class, spec -> spec.withId("info-name"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("course-info-save"))).isEmpty();
    }

    @Test
    void a_district_admin_edits_an_assessment_and_adds_a_task_and_a_refused_add_keeps_the_dialog_open() {
        openCourse("alpha.admin", "ENG101");
        Grid<SetupItem> items = grid("course-items");
        int a1 = row(items, ItemType.ASSESSMENT, "A1");
        _get(cell(items, a1, "actions"), Button.class, spec -> spec.withClasses("item-edit")).click();
        assertThat(_get(Dialog.class, spec -> spec.withId("item-dialog")).getHeaderTitle())
                .isEqualTo("Edit assessment");
        _get(TextField.class, spec -> spec.withId("item-name")).setValue("Final exam (school)");
        _get(Button.class, spec -> spec.withId("item-save")).click();
        MockVaadin.clientRoundtrip(false);

        assertThat(f.courseItems(f.eng1.id())).filteredOn(r -> "A1".equals(r.get("match_key"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("name")).isEqualTo("Final exam (school)");
                    assertThat(r.get("master_item_id")).isNotNull();
                });
        items = grid("course-items");
        assertThat(GridKt._getFormatted(items, row(items, ItemType.ASSESSMENT, "A1"), "name"))
                .isEqualTo("Final exam (school)");

        addTask("Q3");
        assertThat(_get(Span.class, spec -> spec.withId("item-error")).getText())
                .contains("push the master instead");
        assertThat(_find(Dialog.class, spec -> spec.withId("item-dialog"))).hasSize(1);
        _get(Button.class, spec -> spec.withId("item-cancel")).click();
        MockVaadin.clientRoundtrip(false);

        addTask("EX1");
        items = grid("course-items");
        int ex1 = row(items, ItemType.TASK, "EX1");
        assertThat(GridKt._getFormatted(items, ex1, "origin")).isEqualTo("Course");
        assertThat(get_textRecursively(cell(items, ex1, "link"))).isEqualTo("Unlinked");
        assertThat(_find(cell(items, ex1, "actions"), Button.class)).hasSize(2);
    }

    @Test
    void ignore_master_push_is_toggled_through_a_confirmation_and_unlocks_the_course() {
        openCourse("alpha.admin", "ENG101");

        _get(Button.class, spec -> spec.withId("ignore-master-push")).click();
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("ignore-master-push-confirm"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains("The school will manage course ENG101",
                "nothing on it is locked", "every master push", "skips it",
                "lists it in its report as \"Ignore Master Push\"").doesNotContain("SKIPPED_IGNORE_MASTER_PUSH");
        ConfirmDialogKt._fireCancel(confirm);
        MockVaadin.clientRoundtrip(false);
        assertThat(ignored(f.eng1.id())).isFalse();

        _get(Button.class, spec -> spec.withId("ignore-master-push")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class,
                spec -> spec.withId("ignore-master-push-confirm")));

        assertThat(ignored(f.eng1.id())).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("course-link")).getText())
                .contains("Ignore Master Push is set");
        Grid<SetupItem> items = grid("course-items");
        assertThat(IntStream.range(0, GridKt._size(items)).mapToObj(i -> cell(items, i, "link")))
                .allSatisfy(c -> assertThat(_find(c, Icon.class)).noneMatch(i -> i.getTooltip().getText() != null));
        assertThat(_find(cell(items, row(items, ItemType.TASK, "S1"), "actions"), Button.class)).hasSize(2);
        assertThat(_find(TextField.class, spec -> spec.withId("info-name"))).hasSize(1);
        Grid<CourseRow> courses = grid("courses-grid");
        assertThat(get_textRecursively(GridKt._getCellComponent(courses, courseRow(courses, "ENG101"), "linkState")))
                .isEqualTo("Ignore Master Push");
        assertThat(_get(Button.class, spec -> spec.withId("ignore-master-push")).getText())
                .isEqualTo("Follow the master again");

        // Course Info is editable now: a bad value is refused as a whole and what was typed stays on screen
        _get(TextField.class, spec -> spec.withId("info-department")).setValue("Humanities");
        _get(TextField.class, spec -> spec.withId("info-credits")).setValue("lots");
        _get(Button.class, spec -> spec.withId("course-info-save")).click();
        assertThat(_get(TextField.class, spec -> spec.withId("info-credits")).getValue()).isEqualTo("lots");
        assertThat(f.d.query("select department from course where id = ?", String.class, f.eng1.id()))
                .isEqualTo("English");
        _get(TextField.class, spec -> spec.withId("info-credits")).setValue("2");
        _get(Button.class, spec -> spec.withId("course-info-save")).click();
        assertThat(f.d.query("select department || ' ' || credits from course where id = ?", String.class,
                f.eng1.id())).isEqualTo("Humanities 2.00");
    }

    @Test
    void residual_items_show_course_managed_and_forced_no_calculation_options_are_read_only() {
        f.d.update("insert into course_item (id, course_id, item_type, code, name, origin, residual)"
                + " values (?, ?, 'TASK', 'OLD', 'Old task', 'MASTER', true)", UUID.randomUUID(), f.eng1.id());
        UUID forced = f.sectionItemId(f.eng1Section1, "CALC_OPTION", "Q3|Q1");
        f.d.update("update section_item set forced_no_calc = true, calc_method = 'NO_CALCULATION',"
                + " course_item_id = null where id = ?", forced);
        openCourse("alpha.admin", "ENG101");

        Grid<SetupItem> items = grid("course-items");
        int old = row(items, ItemType.TASK, "OLD");
        assertThat(GridKt._getFormatted(items, old, "residual")).isEqualTo("course managed");
        assertThat(_find(cell(items, old, "actions"), Button.class)).hasSize(2);
        Grid<SetupItem> section = grid("section-" + f.eng1Section1 + "-items");
        int calc = row(section, ItemType.CALC_OPTION, "Q3|Q1");
        assertThat(get_textRecursively(cell(section, calc, "link"))).isEqualTo("No Calculation, read-only");
        assertThat(_get(cell(section, calc, "link"), Icon.class).getTooltip().getText())
                .contains("forced to No Calculation because task Q3 is course managed");
        assertThat(_find(cell(section, calc, "actions"), Button.class)).isEmpty();
    }

    @Test
    void a_viewer_sees_the_setup_without_any_edit_control() {
        openCourse("alpha.viewer", "ENG101");

        Grid<SetupItem> items = grid("course-items");
        assertThat(items.getColumnByKey("actions")).isNull();
        assertThat(grid("section-" + f.eng1Section1 + "-items").getColumnByKey("actions")).isNull();
        assertThat(_find(Button.class, spec -> spec.withId("ignore-master-push"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("course-add-item"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("section-" + f.eng1Section1 + "-add"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("course-info-save"))).isEmpty();
        assertThat(_find(TextField.class)).allMatch(t -> !t.getId().orElse("").startsWith("info-"));
        assertThat(_find(Button.class, spec -> spec.withClasses("item-edit"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("item-delete"))).isEmpty();
        // also on a course whose items are all unlocked
        f.art.ignoreMasterPush();
        openCourse("alpha.viewer", "ART100");
        assertThat(_find(Button.class, spec -> spec.withClasses("item-edit"))).isEmpty();
    }

    @Test
    void push_all_courses_run_now_creates_a_courses_request_that_completes_in_the_queue() {
        f.eng1.section("3", "Mr. New");
        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate("push-all-courses");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems()).extracting(SideNavItem::getPath)
                .contains("push-all-courses", "push-all-course-masters");
        @SuppressWarnings("unchecked")
        ComboBox<CalendarRef> calendar = _get(ComboBox.class, spec -> spec.withId("push-calendar"));
        assertThat(calendar.getValue()).as("no calendar chosen: all of them").isNull();
        assertThat(calendar.getListDataView().getItems().map(CalendarRef::label)).containsExactly(
                "LHS – Lakeside High (4 courses)");
        assertThat(_find(Checkbox.class, spec -> spec.withId("push-to-sections"))).as("always to sections").isEmpty();
        assertThat(_find(Checkbox.class).stream().filter(c -> c.getId().orElse("").startsWith("push-type-")))
                .extracting(Checkbox::getLabel)
                .containsExactly("Grade Calc Options", "Composite Grades", "Categories");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("push-mode")).getValue())
                .isEqualTo(PushMode.PUSH_LOCKED);

        _get(Button.class, spec -> spec.withId("push-run-now")).click();

        Grid<PushRequestSummary> queue = grid("queue-grid");
        assertThat(GridKt._size(queue)).isEqualTo(1);
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return get_textRecursively(GridKt._getCellComponent(queue, 0, "status")).trim()
                            .startsWith("Completed");
                });
        assertThat(GridKt._get(queue, 0).kind()).isEqualTo(PushKind.COURSES);
        assertThat(GridKt._getFormattedRow(queue, 0)).contains("Push All Courses (course → sections)", "26-27",
                "True", "Categories, Composite Grades, Grade Calc Options");
        assertThat(f.d.query("select kind || ' ' || status from push_request", String.class))
                .isEqualTo("COURSES COMPLETED");
        long newSection = f.d.query("select id from section where course_id = ? and number = '3'", Long.class,
                f.eng1.id());
        assertThat(f.sectionItems(newSection)).extracting(r -> r.get("match_key"))
                .contains("tests", "homework", "S1|Q1", "Q3|Q1");
    }

    @Test
    void a_viewer_or_district_admin_cannot_open_push_all_courses() {
        for (String user : List.of("alpha.viewer", "alpha.admin")) {
            KaribuSession.close();
            KaribuSession.open(context, user);
            UI.getCurrent().navigate("courses");
            assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems())
                    .extracting(SideNavItem::getPath).isNotEmpty().doesNotContain("push-all-courses");
            UI.getCurrent().navigate("push-all-courses");
            assertThat(_find(app.cascade.ui.AccessDeniedView.class)).hasSize(1);
            assertThat(_find(VerticalLayout.class, spec -> spec.withId("push-all-courses"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("push-run-now"))).isEmpty();
        }
    }

    private void addTask(String code) {
        @SuppressWarnings("unchecked")
        Select<ItemType> type = _get(Select.class, spec -> spec.withId("course-add-type"));
        type.setValue(ItemType.TASK);
        _get(Button.class, spec -> spec.withId("course-add-item")).click();
        _get(TextField.class, spec -> spec.withId("item-code")).setValue(code);
        _get(TextField.class, spec -> spec.withId("item-name")).setValue("Task " + code);
        _get(Button.class, spec -> spec.withId("item-save")).click();
        MockVaadin.clientRoundtrip(false);
    }

    private void openCourse(String user, String number) {
        KaribuSession.close();
        KaribuSession.open(context, user);
        UI.getCurrent().navigate("courses");
        Grid<CourseRow> courses = grid("courses-grid");
        courses.select(GridKt._get(courses, courseRow(courses, number)));
    }

    private boolean ignored(long courseId) {
        return f.d.query("select ignore_master_push from course where id = ?", Boolean.class, courseId);
    }

    private static int courseRow(Grid<CourseRow> grid, String number) {
        return IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).number().equals(number))
                .findFirst().orElseThrow(() -> new AssertionError("no course " + number));
    }

    private static int row(Grid<SetupItem> grid, ItemType type, String key) {
        return IntStream.range(0, GridKt._size(grid)).filter(i -> {
            SetupItem item = GridKt._get(grid, i);
            return item.type() == type && key.equals(item.values().matchKey());
        }).findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + key));
    }

    private static Component cell(Grid<SetupItem> grid, int row, String column) {
        return GridKt._getCellComponent(grid, row, column);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }
}
