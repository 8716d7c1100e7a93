package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: cedar.viewer (VIEWER of Cedar Valley) walks every route it may open — the side navigation lists exactly
 * those — and on each sees no Lakeside data, no push, edit, create or delete button, and no serious or critical
 * accessibility violation. The push tool, opened by its URL, is refused. Screenshots:
 * {@code target/e2e/cedar-viewer-*.png}.
 */
class CedarViewerBrowserE2E extends DemoBrowserJourney {

    /** Buttons only district admins and push admins get. */
    static final List<String> WRITE_BUTTONS = List.of("#push-preview", "#push-run-now", "#push-submit-batch",
            "#notification-open-push", "#catalog-new", "[id^='catalog-edit-']", "#master-new", "#master-edit",
            "#master-copy", "#master-delete", "#master-push", "[id^='item-add-']", "#course-info-save",
            "#ignore-master-push", "#district-import");
    static final List<String> WRITE_LABELS = List.of("Run Now", "Submit to Batch", "Push to Courses", "Preview",
            "New catalog", "New master", "Edit", "Copy", "Delete", "Save Course Info", "Ignore Master Push");

    Browser viewer;
    List<String> menu;

    @BeforeAll
    void sign_in() {
        viewer = signedIn("cedar-viewer", "cedar.viewer");
    }

    @Test
    @Order(1)
    void the_side_navigation_lists_only_the_views_a_viewer_reads() {
        viewer.await("#main-nav", SHORT);
        assertThat(viewer.text("#header-district")).contains("Cedar Valley Public Schools");
        menu = menuPaths();
        viewer.screenshot("home");
        assertThat(menu).contains("catalogs", "masters", "courses", "reports", "reports/residual",
                "reports/awaiting-push", "reports/audit")
                .doesNotContain("push-all-course-masters", "push-all-courses", "district-data", "support/districts");
    }

    @Test
    @Order(2)
    void every_route_shows_cedar_valley_only_with_no_push_or_edit_button_and_passes_axe() {
        List<String> problems = new ArrayList<>();
        for (String path : menuPaths()) {
            navigate(viewer, path, "vaadin-side-nav-item[path='" + path + "'][current]");
            if (path.equals("masters") || path.equals("courses")) {
                selectFirstRowIfAny(path.equals("masters") ? "#masters-grid" : "#courses-grid");
            }
            viewer.screenshot(path.replace('/', '-'));
            String text = viewer.pageText();
            for (String marker : LAKESIDE_MARKERS) {
                if (text.contains(marker)) {
                    problems.add(path + " shows Lakeside data: " + marker);
                }
            }
            for (String selector : WRITE_BUTTONS) {
                if (viewer.deep(selector) != null) {
                    problems.add(path + " offers " + selector);
                }
            }
            for (String label : WRITE_LABELS) {
                if (viewer.deepWithText("vaadin-button", label) != null) {
                    problems.add(path + " offers the button " + label);
                }
            }
            try {
                viewer.accessibility(path.replace('/', '-'));
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(3)
    void the_bell_lists_nothing_of_lakeside() {
        viewer.userClick(viewer.await("#notification-bell", SHORT));
        viewer.await(".cascade-notification-list", SHORT);
        viewer.screenshot("notifications");
        assertNoLakesideData(viewer.pageText());
        assertThat(viewer.deep("#notification-open-push")).isNull();
        viewer.accessibility("notifications");
        viewer.userClick(viewer.awaitText("vaadin-button", "Close", SHORT));
    }

    @Test
    @Order(4)
    void the_push_tool_by_its_url_is_refused() {
        viewer.driver.get(base() + "/push-all-course-masters");
        viewer.settled(SHORT);
        viewer.screenshot("push-tool-refused");
        assertThat(viewer.deep("#push-all-course-masters")).isNull();
        assertThat(viewer.deep("#queue-grid")).isNull();
        assertNoLakesideData(viewer.pageText());
    }

    private List<String> menuPaths() {
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) viewer.js("return [...document.querySelectorAll("
                + "'#main-nav vaadin-side-nav-item[path]')].map(i => i.getAttribute('path').replace(/^\\/+/, ''));");
        return paths;
    }

    private void selectFirstRowIfAny(String grid) {
        if (grid.equals("#courses-grid")) {
            viewer.js("document.getElementById('school-select').opened = true;");
            viewer.userClick(viewer.until(SHORT, "a school to pick", d -> viewer.deep("vaadin-combo-box-item")));
            viewer.settled(SHORT);
        }
        selectFirstRow(viewer, grid);
    }
}
