package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.tenancy.DistrictSettings;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Push All Course Masters view and the notification bell, on the real services, jobs and database. */
@CascadeIntegrationTest
class PushViewKaribuIT extends KaribuWithPushFixture {

    static final String ROUTE = "push-all-course-masters";

    @Autowired
    CatalogService catalogs;
    @Autowired
    DistrictSettings settings;

    @Test
    void the_form_starts_with_push_locked_no_sections_all_six_types_and_the_current_year() {
        open("alpha.push");

        assertThat(this.<SchoolYearRef>combo("push-year").getValue().code()).isEqualTo("26-27");
        assertThat(this.<CatalogSummary>combo("push-catalog").getValue().name()).isEqualTo("High School Catalog");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("push-mode")).getValue())
                .isEqualTo(PushMode.PUSH_LOCKED);
        assertThat(_get(Checkbox.class, spec -> spec.withId("push-to-sections")).getValue()).isFalse();
        List<Checkbox> types = _find(Checkbox.class).stream()
                .filter(box -> box.getId().orElse("").startsWith("push-type-")).toList();
        assertThat(types).extracting(Checkbox::getLabel)
                .containsExactlyElementsOf(Arrays.stream(LockType.values()).map(LockType::label).toList());
        assertThat(types).allMatch(Checkbox::getValue);
        assertThat(_find(Component.class, spec -> spec.withId("batch-reporting-off"))).isEmpty();
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems()).extracting(SideNavItem::getPath)
                .contains(ROUTE);
        assertThat(get_textRecursively(_get(Component.class, spec -> spec.withId("push-help"))))
                .contains("Teacher-created", "course managed", "grades");
    }

    @Test
    void choosing_a_year_lists_only_catalogs_with_a_master_linked_to_a_course_of_that_year() {
        long middle = f.d.catalog("Middle School Catalog");
        long calendar = f.d.calendar(f.d.school("LMS", "Lakeside Middle", middle), f.past, "Q1");
        f.d.course(calendar, f.d.master(middle, "SCI101", "Science"));
        open("alpha.push");
        ComboBox<SchoolYearRef> year = combo("push-year");
        ComboBox<CatalogSummary> catalog = combo("push-catalog");

        year.setValue(year(year, "25-26"));
        assertThat(items(catalog)).containsExactly("High School Catalog", "Middle School Catalog");
        assertThat(catalog.getValue()).isNull();

        year.setValue(year(year, "26-27"));
        assertThat(items(catalog)).containsExactly("High School Catalog");
        assertThat(catalog.getValue().name()).isEqualTo("High School Catalog");
    }

    @Test
    void catalogs_for_year_reads_the_links_of_that_year_only() {
        long middle = f.d.catalog("Middle School Catalog");
        long calendar = f.d.calendar(f.d.school("LMS", "Lakeside Middle", middle), f.past, "Q1");
        f.d.course(calendar, f.d.master(middle, "SCI101", "Science"));
        f.d.master(f.d.catalog("Empty Catalog"), "PE101", "Gym");
        TestUsers.signIn(context, "alpha.viewer");
        try {
            assertThat(catalogs.catalogsForYear(f.past)).extracting(CatalogSummary::name)
                    .containsExactly("High School Catalog", "Middle School Catalog");
            assertThat(catalogs.catalogsForYear(f.current)).extracting(CatalogSummary::name)
                    .containsExactly("High School Catalog");
            assertThat(catalogs.catalogsForYear(-1)).isEmpty();
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void preview_shows_per_course_counts_and_writes_nothing() {
        f.eng.with(app.cascade.catalog.ItemSpec.task("S2", "Semester 2"));
        List<String> before = f.snapshot();
        open("alpha.push");

        _get(Button.class, spec -> spec.withId("push-preview")).click();

        Grid<CoursePreview> courses = previewCourses();
        assertThat(GridKt._size(courses)).isEqualTo(3);
        assertThat(courses.getGenericDataView().getItems().mapToInt(c -> c.counts().created()).sum())
                .isEqualTo(2);
        assertThat(get_textRecursively(_get(Component.class, spec -> spec.withId("preview-summary"))))
                .contains("Nothing has been changed", "create 2", "over 3 courses").doesNotContain("%d");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("preview-csv"))
                .getHref()).isNotBlank();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("preview-pdf"))
                .getHref()).isNotBlank();
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(queue().getGenericDataView().getItems()).isEmpty();
    }

    @Test
    void with_batch_reporting_off_a_banner_warns_and_a_batch_request_can_be_scheduled_and_cancelled() {
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(false);
        try {
            open("alpha.push");
            assertThat(get_textRecursively(_get(Component.class, spec -> spec.withId("batch-reporting-off"))))
                    .contains("Batch Reporting is turned off", "wait in the Batch Queue List", "District settings");
            assertThat(_get(Anchor.class, spec -> spec.withId("batch-reporting-settings")).getHref())
                    .isEqualTo("district-settings");
            DateTimePicker runAt = _get(DateTimePicker.class, spec -> spec.withId("push-run-at"));
            LocalDateTime at = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2).atTime(21, 30);
            runAt.setValue(at);

            _get(Button.class, spec -> spec.withId("push-submit-batch")).click();

            Grid<PushRequestSummary> grid = queue();
            assertThat(GridKt._size(grid)).isEqualTo(1);
            assertThat(status(grid)).isEqualTo("Scheduled");
            assertThat(GridKt._getFormattedRow(grid, 0).getFirst()).isEqualTo(DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US).format(at));
            assertThat(GridKt._getFormattedRow(grid, 0)).contains(PushMode.PUSH_LOCKED.label(), "False");
            _get(GridKt._getCellComponent(grid, 0, "download"), Button.class, spec -> spec.withText("Cancel"))
                    .click();
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("cancel-confirm")));
            assertThat(status(grid)).isEqualTo("Cancelled");
            assertThat(get_textRecursively(GridKt._getCellComponent(grid, 0, "download"))).contains("Restart")
                    .doesNotContain("Cancel");
        } finally {
            TestUsers.signIn(context, "alpha.admin");
            settings.setBatchReporting(true);
        }
    }

    @Test
    void a_viewer_or_district_admin_does_not_get_the_view_and_has_no_menu_entry_for_it() {
        for (String user : List.of("alpha.viewer", "alpha.admin")) {
            KaribuSession.close();
            cannotPush(user);
        }
    }

    private void cannotPush(String user) {
        KaribuSession.open(context, user);
        UI.getCurrent().navigate("catalogs");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems()).extracting(SideNavItem::getPath)
                .isNotEmpty().doesNotContain(ROUTE);

        UI.getCurrent().navigate(ROUTE);
        assertThat(_find(app.cascade.ui.AccessDeniedView.class)).hasSize(1);
        assertThat(_find(VerticalLayout.class, spec -> spec.withId(ROUTE))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("push-run-now"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("push-submit-batch"))).isEmpty();
    }

    @Test
    void overwrite_on_the_current_year_asks_for_confirmation_with_a_plain_warning() {
        open("alpha.push");
        _get(RadioButtonGroup.class, spec -> spec.withId("push-mode")).setValue(PushMode.OVERWRITE);

        _get(Button.class, spec -> spec.withId("push-run-now")).click();

        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("overwrite-confirm"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains("26-27 is not a future year", "course managed");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(queue().getGenericDataView().getItems()).isEmpty();
    }

    @Test
    void run_now_confirmed_shows_the_row_live_until_completed_and_the_bell_counts_the_notification() {
        open("alpha.push");
        Span count = _get(Span.class, spec -> spec.withId("notification-count"));
        assertThat(count.getText()).isEmpty();
        assertThat(queue().getEmptyStateText()).contains("No push request");
        _get(RadioButtonGroup.class, spec -> spec.withId("push-mode")).setValue(PushMode.OVERWRITE);
        _get(Checkbox.class, spec -> spec.withId("push-to-sections")).setValue(true);
        _get(Checkbox.class, spec -> spec.withId("push-type-categories")).setValue(false);

        _get(Button.class, spec -> spec.withId("push-run-now")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("overwrite-confirm")));

        Grid<PushRequestSummary> grid = queue();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return status(grid).startsWith("Completed");
                });
        assertThat(status(grid)).isEqualTo("Completed");
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("High School Catalog", "26-27",
                PushMode.OVERWRITE.label(), "True",
                "Assessments, Composite Grades, Course Info, Grade Calc Options, Grading Tasks/Standards");
        assertThat(get_textRecursively(GridKt._getCellComponent(grid, 0, "download"))).contains("Get the report");
        _get(GridKt._getCellComponent(grid, 0, "download"), Button.class, spec -> spec.withText("Get the report"))
                .click();
        assertThat(get_textRecursively(_get(Component.class, spec -> spec.withId("report-settings"))))
                .contains("Completed", PushMode.OVERWRITE.label(), "pushed to sections", "Course Info");
        assertThat(_get(Grid.class, spec -> spec.withId("report-rows")).getEmptyStateText())
                .contains("Nothing to report");
        assertThat(_get(Anchor.class, spec -> spec.withId("report-csv")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId("report-pdf")).getHref()).isNotBlank();

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    MockVaadin.clientRoundtrip(false);
                    return !count.getText().isEmpty();
                });
        assertThat(count.getText()).isEqualTo("1");
    }

    @Test
    void district_users_get_the_bell_and_support_without_a_district_does_not() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("catalogs");
        assertThat(_find(Button.class, spec -> spec.withId("notification-bell"))).hasSize(1);
        _get(Button.class, spec -> spec.withId("notification-bell")).click();
        assertThat(get_textRecursively(_get(Component.class, spec -> spec.withId("notification-dialog"))))
                .contains("No notifications yet");
        assertThat(_find(Button.class, spec -> spec.withId("notification-open-push"))).isEmpty();
        KaribuSession.close();

        KaribuSession.open(context, "support");
        UI.getCurrent().navigate("");
        assertThat(_get(Span.class, spec -> spec.withId("header-user")).getText()).isEqualTo("Sam Support");
        assertThat(_find(Button.class, spec -> spec.withId("notification-bell"))).isEmpty();
    }

    private void open(String username) {
        KaribuSession.open(context, username);
        UI.getCurrent().navigate(ROUTE);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<CoursePreview> previewCourses() {
        return _get(Grid.class, spec -> spec.withId("preview-courses"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<PushRequestSummary> queue() {
        return _get(Grid.class, spec -> spec.withId("queue-grid"));
    }

    private static String status(Grid<PushRequestSummary> grid) {
        return get_textRecursively(GridKt._getCellComponent(grid, 0, "status")).trim();
    }

    private static SchoolYearRef year(ComboBox<SchoolYearRef> combo, String code) {
        return combo.getListDataView().getItems().filter(y -> y.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> items(ComboBox<CatalogSummary> combo) {
        return combo.getListDataView().getItems().map(CatalogSummary::name).toList();
    }
}
