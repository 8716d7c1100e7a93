package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the journey of {@code lakeside.viewer}, who reads and never pushes: no push entry point anywhere (side
 * navigation, masters, Awaiting Push); the push tool opened by its address shows the access-denied page inside the app
 * with a way back; an unknown address shows the not-found page; the icon loads (no 404 in the console); and on a
 * phone the header stays on one line. Screenshots: {@code target/e2e/lakeside-viewer-*.png}.
 */
class LakesideViewerBrowserE2E extends DemoBrowserJourney {

    Browser viewer;

    @BeforeAll
    void signIn() {
        viewer = signedIn("lakeside-viewer", "lakeside.viewer");
    }

    private List<String> console() throws IOException {
        return Files.readAllLines(viewer.saveConsole());
    }

    @Test
    @Order(1)
    void the_viewer_lands_on_the_catalogs_with_no_push_entry_in_the_side_navigation() {
        viewer.await("#main-nav", SHORT);
        viewer.settled(SHORT);
        viewer.screenshot("catalogs");

        assertThat(viewer.text("#header-district")).isEqualTo("Lakeside Unified School District");
        assertThat(viewer.deep("vaadin-side-nav-item[path='push-all-course-masters']")).isNull();
        assertThat(viewer.deep("vaadin-side-nav-item[path='push-all-courses']")).isNull();
        assertThat(viewer.deep("vaadin-side-nav-item[path='district-settings']")).isNull();
        assertThat(viewer.pageText()).doesNotContain("Push All Course Masters", "Push All Courses");
    }

    @Test
    @Order(2)
    void a_master_opened_by_the_viewer_has_no_push_to_courses() {
        navigate(viewer, "masters", "#masters-grid");
        // the user's click on the first master (the list fills its panel and scrolls, so not every row renders)
        selectFirstRow(viewer, "#masters-grid");
        viewer.screenshot("master-selected");

        assertThat(viewer.deep("#master-push")).isNull();
        assertThat(viewer.pageText()).doesNotContain("Push to Courses");
    }

    @Test
    @Order(3)
    void the_awaiting_push_report_has_no_push_action_for_the_viewer() {
        navigate(viewer, "reports/awaiting-push", "#awaiting-grid");
        viewer.screenshot("awaiting-push");

        assertThat(viewer.deep(".push-to-courses")).isNull();
        assertThat(viewer.deepWithText("vaadin-button", "Push to Courses")).isNull();
    }

    @Test
    @Order(4)
    void the_push_tool_opened_by_its_address_shows_access_denied_in_the_app_and_leads_back_home() {
        viewer.driver.get(base() + "/push-all-course-masters");
        viewer.await("#access-denied", SHORT);
        viewer.settled(SHORT);
        viewer.screenshot("access-denied");

        assertThat(viewer.pageText()).contains("You have no access to this page")
                .doesNotContain("Could not navigate");
        assertThat(viewer.deep("#main-nav")).as("the app's side navigation").isNotNull();
        assertThat(viewer.deep("#push-run-now")).isNull();

        viewer.userClick(viewer.await("#access-denied-home", SHORT));
        viewer.await("#catalogs-grid", SHORT);
        viewer.settled(SHORT);
        viewer.screenshot("back-home");
        assertThat(viewer.driver.getCurrentUrl()).endsWith("/catalogs");
    }

    @Test
    @Order(5)
    void an_unknown_address_shows_the_not_found_page_in_the_app() {
        viewer.driver.get(base() + "/no-such-page");
        viewer.await("#not-found", SHORT);
        viewer.settled(SHORT);
        viewer.screenshot("not-found");

        assertThat(viewer.pageText()).contains("Page not found", "There is no page at /no-such-page");
        assertThat(viewer.deep("#not-found-home")).isNotNull();
        assertThat(viewer.deep("#main-nav")).isNotNull();
    }

    @Test
    @Order(6)
    void the_icon_loads_on_every_page_and_nothing_answered_404() throws IOException {
        viewer.driver.get(base() + "/catalogs");
        viewer.await("#catalogs-grid", SHORT);
        viewer.settled(SHORT);
        @SuppressWarnings("unchecked")
        Map<String, Object> icon = (Map<String, Object>) viewer.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const link = document.querySelector("link[rel='icon']");
                fetch('/favicon.ico').then(r => done({status: r.status, type: r.headers.get('content-type'),
                    link: link ? link.getAttribute('href') : null}));
                """);

        assertThat(icon).containsEntry("status", 200L).containsEntry("link", "favicon.ico");
        assertThat(String.valueOf(icon.get("type"))).contains("icon");
        assertThat(console()).as("the browser console").noneMatch(line -> line.contains("favicon"))
                .noneMatch(line -> line.contains("status of 404") && !line.contains("/no-such-page"));
    }

    @Test
    @Order(7)
    void on_a_phone_the_header_fits_one_line_with_the_bell_and_sign_out_as_labelled_icons() {
        viewer.driver.get(base() + "/catalogs");
        viewer.await("#main-nav", SHORT);
        viewer.phone();
        viewer.settled(SHORT);
        viewer.screenshot("phone-header");

        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) viewer.js("""
                const header = document.querySelector('.cascade-header');
                const boxes = [...header.children].filter(c => c.offsetWidth > 0)
                    .map(c => c.getBoundingClientRect());
                // on one line every item's vertical extent overlaps every other's
                const oneLine = Math.max(...boxes.map(b => b.top)) < Math.min(...boxes.map(b => b.bottom));
                const signOut = document.getElementById('sign-out');
                return {height: header.getBoundingClientRect().height, width: header.scrollWidth,
                        room: header.clientWidth, oneLine: oneLine,
                        userShown: document.getElementById('header-user').offsetWidth > 0,
                        label: signOut.getAttribute('aria-label'),
                        signOutText: signOut.querySelector('.cascade-sign-out-label').offsetWidth,
                        bell: document.getElementById('notification-bell').getAttribute('aria-label')};
                """);
        assertThat(header).as("the header's items side by side").containsEntry("oneLine", true);
        assertThat(((Number) header.get("height")).doubleValue()).as("header height").isLessThanOrEqualTo(56);
        assertThat(((Number) header.get("width")).longValue()).as("no sideways overflow")
                .isLessThanOrEqualTo(((Number) header.get("room")).longValue());
        assertThat(header).containsEntry("userShown", false).containsEntry("label", "Sign out")
                .containsEntry("signOutText", 0L).containsEntry("bell", "Notifications");
        viewer.desktop();
    }
}
