package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.CourseMasterEditService;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.TestUsers;
import app.cascade.ui.AccessDeniedView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every push entry point (the nav entries of both push tools, their Run Now and Submit to Batch, the master's Push to
 * Courses, the Awaiting Push row's push action) shows exactly when the user may push (PUSH_ADMIN): for a push admin
 * all of them, for a district admin or a viewer none.
 */
@CascadeIntegrationTest
class PushEntryPointsKaribuIT extends KaribuWithPushFixture {

    static final List<String> TOOLS = List.of("push-all-course-masters", "push-all-courses");

    @Autowired
    CourseMasterEditService masters;

    /** A grading change on ENG101, so that Course Master Awaiting Push has a row. */
    @BeforeEach
    void aMasterChangeAwaitsAPush() {
        TestUsers.signIn(context, "alpha.admin");
        try {
            masters.addItem(f.eng.id(), app.cascade.grading.ItemType.CATEGORY,
                    ItemEdit.category("Labs", BigDecimal.TEN));
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    void a_push_admin_gets_every_push_entry_point() {
        KaribuSession.open(context, "alpha.push");
        UI.getCurrent().navigate("catalogs");
        assertThat(navPaths()).containsAll(TOOLS);

        for (String tool : TOOLS) {
            UI.getCurrent().navigate(tool);
            assertThat(_find(Button.class, spec -> spec.withId("push-run-now"))).as(tool).hasSize(1);
            assertThat(_find(Button.class, spec -> spec.withId("push-submit-batch"))).as(tool).hasSize(1);
        }
        assertThat(masterPushButtons()).hasSize(1);
        assertThat(awaitingPushButtons()).hasSize(1);
    }

    @Test
    void a_district_admin_or_a_viewer_gets_no_push_entry_point() {
        for (String user : List.of("alpha.admin", "alpha.viewer")) {
            KaribuSession.close();
            KaribuSession.open(context, user);
            UI.getCurrent().navigate("catalogs");
            assertThat(navPaths()).as(user).isNotEmpty().doesNotContainAnyElementsOf(TOOLS);
            for (String tool : TOOLS) {
                UI.getCurrent().navigate(tool);
                assertThat(_find(AccessDeniedView.class)).as(user + " " + tool).hasSize(1);
                assertThat(_find(Button.class, spec -> spec.withId("push-run-now"))).isEmpty();
                assertThat(_find(Button.class, spec -> spec.withId("push-submit-batch"))).isEmpty();
            }
            assertThat(masterPushButtons()).as(user).isEmpty();
            assertThat(awaitingPushButtons()).as(user).isEmpty();
        }
    }

    private static List<String> navPaths() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream().map(SideNavItem::getPath)
                .toList();
    }

    /** The Push to Courses button of the first master's details. */
    @SuppressWarnings("unchecked")
    private static List<Button> masterPushButtons() {
        UI.getCurrent().navigate("masters");
        Grid<Object> grid = _get(Grid.class, s -> s.withId("masters-grid"));
        grid.select(GridKt._get(grid, 0));
        return _find(Button.class, s -> s.withId("master-push"));
    }

    /** The push buttons of the Awaiting Push rows (there is one row). */
    @SuppressWarnings("unchecked")
    private static List<Button> awaitingPushButtons() {
        UI.getCurrent().navigate("reports/awaiting-push");
        Grid<Object> grid = _get(Grid.class, s -> s.withId("awaiting-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        return grid.getColumnByKey("push") == null ? List.of()
                : _find(GridKt._getCellComponent(grid, 0, "push"), Button.class);
    }
}
