package app.cascade.catalog;

import app.cascade.CascadeIntegrationTest;
import app.cascade.security.Roles;
import app.cascade.security.ui.LoginView;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The side navigation lists exactly the views a role may open; anonymous visitors end on the login view. */
@CascadeIntegrationTest
class NavigationKaribuIT {

    static final Set<String> VIEWER_ENTRIES = Set.of("Course Catalogs", "Course Masters", "Courses", "Reports");

    @Autowired
    ApplicationContext context;

    @AfterEach
    void close() {
        KaribuSession.close();
    }

    @Test
    void a_viewer_sees_the_three_catalog_views_the_reports_and_no_admin_navigation() {
        KaribuSession.open(context, "alpha.viewer");
        UI.getCurrent().navigate("catalogs");

        assertThat(navTitles()).containsExactlyInAnyOrderElementsOf(VIEWER_ENTRIES);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            assertThat(allowedRoles(entry.menuClass())).as("roles of %s", entry.title()).contains(Roles.VIEWER);
        }
        assertThat(navItems()).extracting(SideNavItem::getPath)
                .containsExactlyInAnyOrder("catalogs", "masters", "courses", "reports");
        SideNavItem reports = navItems().stream().filter(i -> i.getLabel().equals("Reports")).findFirst()
                .orElseThrow();
        assertThat(reports.getItems()).extracting(SideNavItem::getLabel).containsExactly("Residual Data Report",
                "Course Master Awaiting Push", "Course Audit Report");
        assertThat(reports.getItems()).extracting(SideNavItem::getPath)
                .containsExactly("reports/residual", "reports/awaiting-push", "reports/audit");
    }

    @Test
    void a_district_admin_sees_the_viewer_views_and_every_admin_view() {
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("catalogs");

        Set<String> adminViews = menuViewsRequiring(Roles.DISTRICT_ADMIN);
        assertThat(navTitles()).containsAll(VIEWER_ENTRIES).containsAll(adminViews);
        assertThat(navTitles()).hasSize(VIEWER_ENTRIES.size() + adminViews.size());
    }

    @Test
    void support_sees_none_of_the_district_views() {
        KaribuSession.open(context, "support");

        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::title)
                .doesNotContainAnyElementsOf(VIEWER_ENTRIES);
    }

    @Test
    void an_anonymous_visitor_opening_catalogs_ends_on_the_login_view() {
        KaribuSession.open(context, null);
        UI.getCurrent().navigate("catalogs");

        NavigatorKt.expectView(LoginView.class);
        assertThat(NavigatorKt.getCurrentPath()).startsWith("login");
    }

    private static List<SideNavItem> navItems() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems();
    }

    private static Set<String> navTitles() {
        return navItems().stream().map(SideNavItem::getLabel).collect(Collectors.toSet());
    }

    private static Set<String> allowedRoles(Class<? extends Component> view) {
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        return roles == null ? Set.of(Roles.VIEWER) : Set.of(roles.value());
    }

    /** Titles of the menu views, among all routes, that {@code role} may open but a plain viewer may not. */
    private static Set<String> menuViewsRequiring(String role) {
        return KaribuSession.routeClasses().stream()
                .filter(view -> view.isAnnotationPresent(Menu.class))
                .filter(view -> view.isAnnotationPresent(RolesAllowed.class))
                .filter(view -> {
                    List<String> roles = Arrays.asList(view.getAnnotation(RolesAllowed.class).value());
                    return roles.contains(role) && !roles.contains(Roles.VIEWER);
                })
                .map(view -> view.getAnnotation(Menu.class).title())
                .collect(Collectors.toSet());
    }
}
