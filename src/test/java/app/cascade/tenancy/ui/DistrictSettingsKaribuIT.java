package app.cascade.tenancy.ui;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.KaribuSession;
import app.cascade.catalog.TestUsers;
import app.cascade.tenancy.DistrictSettings;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, broken 5: the Batch Reporting switch of the District settings view, as district admins use it. */
@CascadeIntegrationTest
class DistrictSettingsKaribuIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    DistrictSettings settings;

    @AfterEach
    void tearDown() {
        KaribuSession.close();
        TestUsers.signIn(context, "alpha.admin");
        settings.setBatchReporting(true);
        TestUsers.signOut();
    }

    private static Checkbox batchReporting() {
        return _get(Checkbox.class, spec -> spec.withId("batch-reporting-switch"));
    }

    private static String lastChange() {
        return _get(Paragraph.class, spec -> spec.withId("batch-reporting-last-change")).getText();
    }

    @Test
    void a_district_admin_reaches_the_switch_from_the_side_menu_and_reads_what_it_does() {
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("catalogs");

        SideNavItem item = _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .filter(i -> i.getLabel().equals("District settings")).findFirst().orElseThrow();
        UI.getCurrent().navigate(item.getPath());

        NavigatorKt.expectView(DistrictSettingsView.class);
        assertThat(batchReporting().getValue()).isTrue();
        assertThat(batchReporting().getHelperText()).contains("waits in the Batch Queue List as Queued",
                "turning it on starts the waiting requests");
    }

    @Test
    void turning_it_off_and_on_changes_the_district_and_shows_who_changed_it_last() {
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("district-settings");

        batchReporting().setValue(false);

        assertThat(settings.batchReporting("alpha")).isFalse();
        assertThat(lastChange()).startsWith("Turned off by Alpha Admin on ").endsWith("(was on).");
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(text -> text.startsWith("Batch Reporting is off"));

        batchReporting().setValue(true);

        assertThat(settings.batchReporting("alpha")).isTrue();
        assertThat(lastChange()).startsWith("Turned on by Alpha Admin on ").endsWith("(was off).");
    }

    @Test
    void the_last_change_is_shown_in_the_districts_time_zone() {
        KaribuSession.open(context, "alpha.admin");
        UI.getCurrent().navigate("district-settings");

        batchReporting().setValue(false);

        // alpha is in America/New_York
        assertThat(lastChange()).containsPattern(" (EST|EDT) ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha.viewer", "alpha.push"})
    void a_district_user_who_is_no_district_admin_gets_the_access_denied_page_and_no_menu_entry(String user) {
        KaribuSession.open(context, user);
        UI.getCurrent().navigate("district-settings");

        assertThat(_find(DistrictSettingsView.class)).isEmpty();
        assertThat(_find(Checkbox.class, spec -> spec.withId("batch-reporting-switch"))).isEmpty();
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems())
                .extracting(SideNavItem::getLabel).doesNotContain("District settings");
    }
}
