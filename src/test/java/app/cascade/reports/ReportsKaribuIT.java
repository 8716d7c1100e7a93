package app.cascade.reports;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.CatalogSummary;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.SchoolYearRef;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.LockType;
import app.cascade.push.PushKind;
import app.cascade.push.PushRequestService;
import app.cascade.push.PushRequestSummary;
import app.cascade.push.engine.PushMode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static app.cascade.catalog.ItemSpec.category;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Reports area in a (browserless) Vaadin UI, on the real services and PostgreSQL. */
@CascadeIntegrationTest
class ReportsKaribuIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    CourseMasterEditService masters;
    @Autowired
    PushRequestService requests;

    ReportsFixture f;

    /** One row on each report: a residual item, a master change awaiting a push, a locked field out of sync. */
    @BeforeEach
    void district() {
        f = new ReportsFixture(context);
        f.sci1.residual(category("Old labs", "5"));
        TestUsers.signIn(context, "alpha.admin");
        masters.updateInfo(f.mat.id(), CatalogLock.STATE_CODE, "SC-MAT-2");
        masters.addItem(f.eng.id(), app.cascade.grading.ItemType.CATEGORY,
                ItemEdit.category("Labs", java.math.BigDecimal.TEN));
        TestUsers.signOut();
    }

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void a_viewer_opens_every_report_sees_its_rows_and_no_push_to_courses() {
        KaribuSession.open(context, "alpha.viewer");

        UI.getCurrent().navigate("reports");
        assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref)
                .contains("reports/residual", "reports/awaiting-push", "reports/audit");

        UI.getCurrent().navigate("reports/residual");
        Grid<ResidualRow> residual = grid("residual-grid");
        assertThat(GridKt._size(residual)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(residual, 0)).contains("Maple Middle", "Course level", "Old labs",
                "Master").doesNotContain("MASTER");
        // long courses and items wrap in their cells instead of being cut off (CedarAdminBrowserE2E looks at 1440 px)
        assertThat(residual.getThemeNames()).contains("wrap-cell-content");
        assertThat(residual.getColumnByKey("item").getWidth()).isNotBlank();
        assertThat(_get(GridKt._getCellComponent(residual, 0, "course"), Anchor.class).getHref())
                .isEqualTo("courses?year=" + f.current + "&school=" + f.maple + "&course=" + f.sci1.id());
        assertThat(_get(Anchor.class, spec -> spec.withId("residual-report-csv")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId("residual-report-pdf")).getHref()).isNotBlank();

        UI.getCurrent().navigate("reports/awaiting-push");
        Grid<AwaitingPushRow> awaiting = grid("awaiting-grid");
        assertThat(GridKt._size(awaiting)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(awaiting, 0)).contains("High School Catalog", "Categories", "Labs",
                "Added", "Alpha Admin", "2");
        assertThat(_get(GridKt._getCellComponent(awaiting, 0, "master"), Anchor.class).getHref())
                .isEqualTo("masters?catalog=" + f.catalog + "&master=" + f.eng.id());
        assertThat(_find(Button.class, spec -> spec.withText("Push to Courses"))).isEmpty();
        assertThat(awaiting.getColumnByKey("push")).isNull();

        UI.getCurrent().navigate("reports/audit");
        Grid<AuditRow> audit = grid("audit-grid");
        assertThat(GridKt._size(audit)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(audit, 0)).contains("Lakeside High", "Categories", "Labs",
                "Missing at the course: added to the master, not pushed yet");
        assertThat(GridKt._getFormattedRow(audit, 2)).contains("Lakeside High", "Course Info", "State code",
                "SC-MAT-2", "SC-MAT");
        assertThat(_get(GridKt._getCellComponent(audit, 2, "course"), Anchor.class).getHref())
                .isEqualTo("courses?year=" + f.current + "&school=" + f.lakeside + "&course=" + f.mat1.id());

        // filters narrow the grid, and an empty grid says what "nothing here" means
        ComboBox<LockType> type = _get(ComboBox.class, spec -> spec.withId("audit-data-type"));
        type.setValue(LockType.COURSE_INFO);
        assertThat(GridKt._size(audit)).isEqualTo(1);
        ComboBox<CatalogSummary> catalog = _get(ComboBox.class, spec -> spec.withId("audit-catalog"));
        catalog.setValue(catalog.getListDataView().getItems().filter(c -> c.id() == f.middleCatalog).findFirst()
                .orElseThrow());
        assertThat(GridKt._size(audit)).isZero();
        assertThat(audit.getEmptyStateText()).isEqualTo("No desynced courses in Middle School Catalog for 26-27 "
                + "(Course Info): every linked course matches its master's locked data.");
    }

    @Test
    void a_push_admin_pushes_a_master_to_its_courses_from_awaiting_push() {
        f.d.update("truncate notification, push_request, push_change, push_item_change cascade");
        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate("reports/awaiting-push");
        Grid<AwaitingPushRow> awaiting = grid("awaiting-grid");
        assertThat(GridKt._size(awaiting)).isEqualTo(1);

        _get(GridKt._getCellComponent(awaiting, 0, "push"), Button.class).click();
        // the one Push to Courses dialog, with the master's full options
        assertThat(_get(Dialog.class, spec -> spec.withId("push-to-courses-dialog")).getHeaderTitle())
                .isEqualTo("Push to Courses: ENG101 – English 9");
        ComboBox<SchoolYearRef> year = _get(ComboBox.class, spec -> spec.withId("push-year"));
        assertThat(year.getValue().id()).isEqualTo(f.current);
        assertThat(_get(Checkbox.class, spec -> spec.withId("push-to-sections")).isVisible()).isTrue();
        assertThat(_find(Checkbox.class).stream().filter(b -> b.getId().orElse("").startsWith("push-type-")))
                .hasSize(LockType.values().length);
        assertThat(_find(Button.class, spec -> spec.withId("master-push-batch"))).hasSize(1);
        RadioButtonGroup<PushMode> mode = _get(RadioButtonGroup.class, spec -> spec.withId("push-mode"));
        mode.setValue(PushMode.OVERWRITE);
        _get(Button.class, spec -> spec.withId("master-push-run-now")).click();
        ConfirmDialog overwrite = _get(ConfirmDialog.class, spec -> spec.withId("overwrite-confirm"));
        assertThat(ConfirmDialogKt.getText(overwrite)).contains("course managed", "26-27 is not a future year");
        ConfirmDialogKt._fireCancel(overwrite);
        mode.setValue(PushMode.PUSH_LOCKED);
        _get(Button.class, spec -> spec.withId("master-push-run-now")).click();

        TestUsers.signIn(context, "alpha.push");
        List<PushRequestSummary> queued = requests.queue(Instant.now().minus(1, ChronoUnit.HOURS),
                Instant.now().plus(1, ChronoUnit.HOURS), 10);
        assertThat(queued).hasSize(1);
        PushRequestSummary request = queued.getFirst();
        assertThat(request.kind()).isEqualTo(PushKind.MASTER);
        assertThat(request.master()).contains("ENG101");
        assertThat(request.mode()).isEqualTo(PushMode.PUSH_LOCKED);
        assertThat(request.schoolYear()).isEqualTo("26-27");
        await().pollInSameThread().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> requests.summary(request.id()).status().isFinal());

        // once pushed, the change no longer awaits a push
        KaribuSession.close();
        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate("reports/awaiting-push");
        assertThat(GridKt._size(grid("awaiting-grid"))).isZero();
    }
}
