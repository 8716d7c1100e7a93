package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.SchoolRef;
import app.cascade.push.engine.PushMode;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Catalog and course master administration, and Push to Courses, through the views as each role sees them. */
@CascadeIntegrationTest
class MasterAdminKaribuIT {

    @Autowired
    ApplicationContext context;

    PushFixture f;

    @BeforeEach
    void district() {
        f = new PushFixture(context).build();
        f.inAlpha(() -> {
            f.jdbc.execute("truncate notification, push_request, push_change, push_item_change cascade");
            return null;
        });
        f.d.school("LMS", "Lakeside Middle", null);
    }

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    @Test
    void a_district_admin_creates_and_edits_a_catalog_through_the_dialog_and_sees_a_duplicate_name_refused() {
        open("alpha.admin", "catalogs");

        click("catalog-new");
        text("catalog-name").setValue("Middle School Catalog");
        this.<CatalogLock>checkboxes("catalog-info-locks").setValue(Set.of(CatalogLock.CREDITS));
        this.<CatalogLock>checkboxes("catalog-grading-locks").setValue(Set.of(CatalogLock.CATEGORIES));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<SchoolRef> schools = _get(MultiSelectComboBox.class, s -> s.withId("catalog-schools"));
        schools.setValue(Set.of(schools.getListDataView().getItems().filter(s -> s.code().equals("LMS"))
                .findFirst().orElseThrow()));
        click("catalog-save");

        assertThat(_find(Dialog.class, s -> s.withId("catalog-dialog"))).isEmpty();
        Grid<?> grid = _get(Grid.class, s -> s.withId("catalogs-grid"));
        assertThat(column(grid, "name")).containsExactly("High School Catalog", "Middle School Catalog");
        assertThat(column(grid, "schools")).containsExactly("Lakeside High", "Lakeside Middle");
        assertThat(f.d.query("select string_agg(lock_name, ',' order by lock_name) from catalog_lock l"
                + " join course_catalog c on c.id = l.catalog_id where c.name = 'Middle School Catalog'",
                String.class)).isEqualTo("CATEGORIES,credits");

        // rename the High School Catalog to the new catalog's name: refused in the dialog, nothing changes
        _get(GridKt._getCellComponent(grid, 0, "actions"), Button.class).click();
        assertThat(text("catalog-name").getValue()).isEqualTo("High School Catalog");
        assertThat(this.<CatalogLock>checkboxes("catalog-grading-locks").getValue())
                .containsExactlyInAnyOrderElementsOf(CatalogLock.gradingTypes());
        text("catalog-name").setValue("middle school catalog");
        click("catalog-save");
        Span error = _get(Span.class, s -> s.withId("catalog-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("\"Middle School Catalog\" already exists");
        assertThat(_find(Dialog.class, s -> s.withId("catalog-dialog"))).hasSize(1);
        assertThat(column(grid, "name")).containsExactly("High School Catalog", "Middle School Catalog");

        text("catalog-name").setValue("Senior High Catalog");
        click("catalog-save");
        assertThat(column(grid, "name")).containsExactly("Middle School Catalog", "Senior High Catalog");
    }

    @Test
    void a_district_admin_creates_a_master_adds_items_and_sees_refusals_in_the_dialogs() {
        open("alpha.admin", "masters");

        click("master-new");
        text("master-number").setValue("BIO101");
        text("master-name").setValue("Biology");
        click("master-save");

        assertThat(_get(H3.class, s -> s.withId("master-title")).getText()).isEqualTo("BIO101 – Biology");
        assertThat(column(_get(Grid.class, s -> s.withId("masters-grid")), "number"))
                .containsExactly("BIO101", "ENG101", "MAT101");

        click("item-add-task");
        text("item-code").setValue("S1");
        text("item-name").setValue("Semester 1");
        click("item-save");
        TabSheet tabs = _get(TabSheet.class, s -> s.withId("master-tabs"));
        assertThat(tabs.getTabAt(0).getLabel()).isEqualTo("Grading Tasks (1)");

        tabs.setSelectedIndex(5);
        click("item-add-composite");
        text("item-task-code").setValue("S1");
        @SuppressWarnings("unchecked")
        ComboBox<String> term = _get(ComboBox.class, s -> s.withId("item-term-code"));
        term.setValue("Q2");
        _get(TextArea.class, s -> s.withId("item-parts")).setValue("S1 Q1 60\nS1 Q3 30");
        click("item-save");
        assertThat(_get(Span.class, s -> s.withId("item-error")).getText()).contains("must add up to 100 %", "= 90 %");
        _get(TextArea.class, s -> s.withId("item-parts")).setValue("S1 Q1 60\nS1 Q3 40");
        click("item-save");
        TabSheet reloaded = _get(TabSheet.class, s -> s.withId("master-tabs"));
        assertThat(reloaded.getTabAt(5).getLabel()).isEqualTo("Composite Grades (1)");
        assertThat(reloaded.getSelectedIndex()).as("the tab being edited stays open").isEqualTo(5);

        click("master-edit");
        text("master-department").setValue("Science");
        click("master-save");

        List<Map<String, Object>> changes = f.inAlpha(() -> f.jdbc.queryForList(
                "select item_label, change, changed_by from master_change order by id"));
        assertThat(changes).extracting(c -> c.get("item_label") + " " + c.get("change") + " " + c.get("changed_by"))
                .containsExactly("S1 ADDED alpha.admin", "S1 / Q2 ADDED alpha.admin");
        assertThat(f.d.query("select department from course_master where number = 'BIO101'", String.class))
                .isEqualTo("Science");

        // copying into a number that exists shows the service's refusal and creates nothing
        click("master-copy");
        text("copy-number").setValue("ENG101");
        click("copy-save");
        assertThat(_get(Span.class, s -> s.withId("copy-error")).getText())
                .contains("A course master numbered ENG101 already exists in the catalog \"High School Catalog\"");
        text("copy-number").setValue("BIO102");
        click("copy-save");
        assertThat(f.d.query("select count(*) from master_item i join course_master m on m.id = i.master_id"
                + " where m.number = 'BIO102'", Long.class)).isEqualTo(2);
    }

    @Test
    void a_viewer_sees_no_edit_copy_delete_or_push_button() {
        open("alpha.viewer", "catalogs");
        assertThat(_find(Button.class, s -> s.withId("catalog-new"))).isEmpty();
        assertThat(_get(Grid.class, s -> s.withId("catalogs-grid")).getColumnByKey("actions")).isNull();

        UI.getCurrent().navigate("masters");
        selectMaster(0);
        assertThat(_get(H3.class, s -> s.withId("master-title")).getText()).startsWith("ENG101");
        for (String id : List.of("master-new", "master-edit", "master-copy", "master-delete", "master-push",
                "item-add-task", "item-add-category")) {
            assertThat(_find(Button.class, s -> s.withId(id))).as(id).isEmpty();
        }
        assertThat(_find(Grid.class, s -> s.withId("master-items-task")).getFirst().getColumnByKey("actions"))
                .isNull();
    }

    @Test
    void a_district_admin_cannot_push_and_a_push_admin_cannot_edit() {
        open("alpha.admin", "masters");
        selectMaster(0);
        assertThat(_find(Button.class, s -> s.withId("master-edit"))).hasSize(1);
        assertThat(_find(Button.class, s -> s.withId("master-push"))).isEmpty();
        KaribuSession.close();

        open("alpha.push", "masters");
        selectMaster(0);
        assertThat(_find(Button.class, s -> s.withId("master-push"))).hasSize(1);
        assertThat(_find(Button.class, s -> s.withId("master-edit"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("master-new"))).isEmpty();
    }

    @Test
    void push_to_courses_confirms_overwrite_and_queues_a_master_request() {
        open("alpha.push", "masters");
        selectMaster(0);
        click("master-push");
        _get(RadioButtonGroup.class, s -> s.withId("push-mode")).setValue(PushMode.OVERWRITE);

        click("master-push-run-now");
        ConfirmDialog confirm = _get(ConfirmDialog.class, s -> s.withId("overwrite-confirm"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains("26-27 is not a future year");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(requests()).isEmpty();

        click("master-push-batch");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("overwrite-confirm")));

        assertThat(requests()).singleElement().satisfies(r -> {
            assertThat(r.get("kind")).isEqualTo("MASTER");
            assertThat(r.get("master_id")).isEqualTo(f.eng.id());
            assertThat(r.get("school_year_id")).isEqualTo(f.current);
            assertThat(r.get("mode")).isEqualTo("OVERWRITE");
            assertThat(r.get("status")).isEqualTo("SCHEDULED");
            assertThat(r.get("submitted_by")).isEqualTo("alpha.push");
        });
        assertThat(_find(Dialog.class, s -> s.withId("push-to-courses-dialog"))).isEmpty();

        // it is in the batch queue of the Push All Course Masters view, as a push of master ENG101
        UI.getCurrent().navigate("push-all-course-masters");
        _get(DatePicker.class, s -> s.withId("queue-to")).setValue(java.time.LocalDate.now().plusDays(3));
        @SuppressWarnings("unchecked")
        Grid<PushRequestSummary> queue = _get(Grid.class, s -> s.withId("queue-grid"));
        assertThat(queue.getGenericDataView().getItems()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PushKind.MASTER);
            assertThat(r.master()).contains("ENG101");
            assertThat(r.types()).isEqualTo(EnumSet.allOf(app.cascade.grading.LockType.class));
        });
        _get(GridKt._getCellComponent(queue, 0, "download"), Button.class, s -> s.withText("Cancel")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("cancel-confirm")));
        assertThat(queue.getGenericDataView().getItems()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(PushStatus.CANCELLED));
    }

    @Test
    void a_double_click_on_run_now_in_push_to_courses_stores_one_request() {
        open("alpha.push", "masters");
        selectMaster(0);
        click("master-push");
        Button runNow = _get(Button.class, s -> s.withId("master-push-run-now"));

        ButtonKt._click(runNow);
        assertThatThrownBy(() -> ButtonKt._click(runNow)).isInstanceOf(IllegalStateException.class);

        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.get("status")).isIn("QUEUED", "RUNNING",
                "COMPLETED"));
        assertThat(_find(Dialog.class, s -> s.withId("push-to-courses-dialog"))).isEmpty();
        awaitNoPushRunning();
    }

    @Test
    void a_double_click_on_run_now_of_an_overwrite_in_push_to_courses_opens_one_confirmation() {
        open("alpha.push", "masters");
        selectMaster(0);
        click("master-push");
        _get(RadioButtonGroup.class, s -> s.withId("push-mode")).setValue(PushMode.OVERWRITE);
        Button runNow = _get(Button.class, s -> s.withId("master-push-run-now"));

        ButtonKt._click(runNow);
        assertThatThrownBy(() -> ButtonKt._click(runNow)).isInstanceOf(IllegalStateException.class);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("overwrite-confirm")));

        assertThat(requests()).hasSize(1);
        awaitNoPushRunning();
    }

    /** The next test wipes the district: the push started here must have ended first. */
    private void awaitNoPushRunning() {
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(90))
                .until(() -> requests().stream()
                        .noneMatch(r -> List.of("QUEUED", "RUNNING").contains(r.get("status"))));
    }

    private void open(String user, String route) {
        KaribuSession.open(context, user);
        UI.getCurrent().navigate(route);
    }

    private List<Map<String, Object>> requests() {
        return f.inAlpha(() -> f.jdbc.queryForList(
                "select kind, master_id, school_year_id, mode, status, submitted_by from push_request"));
    }

    @SuppressWarnings("unchecked")
    private static void selectMaster(int row) {
        Grid<Object> grid = _get(Grid.class, s -> s.withId("masters-grid"));
        grid.select(GridKt._get(grid, row));
    }

    private static void click(String id) {
        _get(Button.class, s -> s.withId(id)).click();
    }

    private static TextField text(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    @SuppressWarnings("unchecked")
    private <T> CheckboxGroup<T> checkboxes(String id) {
        return _get(CheckboxGroup.class, s -> s.withId(id));
    }

    private static List<String> column(Grid<?> grid, String key) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormatted(grid, i, key)).toList();
    }
}
