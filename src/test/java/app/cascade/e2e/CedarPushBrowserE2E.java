package app.cascade.e2e;

import app.cascade.security.sso.Browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15, cedar.push's journey: Run Now starts at once. cedar.push (Cedar Valley) signs in on the dev form, opens
 * Push All Course Masters from the side navigation, and runs a Push locked data push (the mode that preserves
 * teachers' setup); the Batch Queue List shows the row Running and then Completed, with no reload.
 * <p>
 * The demo push takes a fraction of a second, too short to catch Running on a screenshot, so the test holds a row lock
 * on one of the catalog's courses while the row is Running (the push locks its courses as it starts a chunk) and
 * lets go after the screenshot. Screenshots: {@code target/e2e/cedar-push-NN-*.png} at 1440×900.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the demo districts and the dev users of application.yml, on a throw-away database and free ports
        "cascade.tenants.dir=tenants",
        "cascade.demo-data.enabled=true",
        "cascade.embedded-db.dir=",
        "cascade.embedded-db.port=0",
        "cascade.support.jobs-dashboard.port=0",
        "cascade.security.dev-password=demo",
        "server.servlet.session.cookie.secure=false",
        "management.server.port=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CedarPushBrowserE2E {

    static final Duration SHORT = Duration.ofSeconds(30);
    static final String CATALOG = "High School Catalog";
    static final String PUSH_LOCKED = "Push locked data";
    /** Snapshots of the first queue row's status cell, recorded in the page by a MutationObserver. */
    static final String RECORD_STATUSES = """
            window.__cascadeReloadMarker = 'no reload since Run Now';
            window.__cascadeStatuses = [];
            const first = () => {
              const cell = document.querySelector('#queue-grid .cascade-status-cell');
              return cell ? cell.textContent.trim() : '';
            };
            const record = () => {
              const now = first();
              const all = window.__cascadeStatuses;
              if (now && (all.length === 0 || all[all.length - 1] !== now)) all.push(now);
            };
            new MutationObserver(record).observe(document.body,
                {subtree: true, childList: true, characterData: true});
            """;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    Browser cedar;
    boolean onPushTool;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cedar != null) {
                System.err.println("Step " + context.getRequiredTestMethod().getName() + " failed: kept "
                        + cedar.screenshot("FAILED-" + context.getRequiredTestMethod().getName()) + " and "
                        + cedar.saveConsole());
            }
        }
    };

    @BeforeAll
    void open() {
        cedar = new Browser("cedar-push");
        // a 1440×900 viewport, exactly (a window of that size keeps less for the page)
        cedar.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        cedar.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1440,
                "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    @AfterAll
    void close() {
        if (cedar != null) {
            cedar.close();
        }
    }

    private String firstStatus() {
        Object text = cedar.js("const c = document.querySelector('#queue-grid .cascade-status-cell');"
                + " return c ? c.textContent.trim() : '';");
        return text == null ? "" : text.toString();
    }

    @Test
    @Order(1)
    void cedar_push_signs_in_and_opens_push_all_course_masters_from_the_side_navigation() {
        cedar.driver.get("http://localhost:" + port + "/login");
        cedar.settled(SHORT);
        cedar.await("input[name='username']", SHORT).sendKeys("cedar.push");
        cedar.await("input[name='password']", SHORT).sendKeys("demo");
        cedar.screenshot("sign-in");
        cedar.click(cedar.await("vaadin-button[slot='submit'], vaadin-button[theme~='submit']", SHORT));
        cedar.until(SHORT, "signed in, away from /login", d -> d.getCurrentUrl().contains("/login") ? null : true);
        cedar.settled(SHORT);
        cedar.screenshot("signed-in");
        assertThat(cedar.text("#header-district")).contains("Cedar Valley");

        cedar.userClick(cedar.await("vaadin-side-nav-item[path='push-all-course-masters']", SHORT));
        cedar.await("#push-all-course-masters", SHORT);
        cedar.settled(SHORT);
        cedar.until(SHORT, "the year and the only catalog preselected", d -> CATALOG.equals(cedar.js(
                "const i = document.querySelector('#push-catalog input'); return i ? i.value : null;")) ? true : null);
        WebElement locked = cedar.awaitText("#push-mode vaadin-radio-button", PUSH_LOCKED, SHORT);
        assertThat(cedar.js("return arguments[0].checked;", locked)).as("Push locked data is the default mode")
                .isEqualTo(true);
        cedar.screenshot("push-form-push-locked-data");
        onPushTool = true;
    }

    @Test
    @Order(2)
    void run_now_shows_the_queue_row_running_then_completed_without_a_reload() throws Exception {
        assumeTrue(onPushTool, "step 1 opened the push tool");
        cedar.js(RECORD_STATUSES);
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            lockOneCourseOfTheCatalog(hold, yearShown());

            cedar.userClick(cedar.await("#push-run-now", SHORT));
            cedar.until(SHORT, "the new row Running", d -> firstStatus().startsWith("Running") ? true : null);
            cedar.settled(SHORT);
            showQueue();
            cedar.screenshot("queue-running");
            hold.rollback();
        }
        String done = cedar.until(Duration.ofMinutes(2), "the row Completed", d -> {
            String now = firstStatus();
            return now.startsWith("Completed") || now.startsWith("Failed") ? now : null;
        });
        cedar.settled(SHORT);
        showQueue();
        cedar.screenshot("queue-completed");

        assertThat(done).startsWith("Completed");
        assertThat(cedar.js("return window.__cascadeReloadMarker;")).isEqualTo("no reload since Run Now");
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) cedar.js("return window.__cascadeStatuses;");
        int running = indexOf(seen, "Running");
        int completed = indexOf(seen, "Completed");
        assertThat(running).as("Running shown: %s", seen).isNotNegative();
        assertThat(completed).as("Completed shown after Running: %s", seen).isGreaterThan(running);
        assertThat(cedar.pageText()).contains(CATALOG, PUSH_LOCKED);
    }

    /** Scrolls the Batch Queue List's heading to the top, so the new row is in the screenshot. */
    private void showQueue() {
        cedar.js("document.getElementById('queue-grid').scrollIntoView({block: 'center'});");
    }

    private static int indexOf(List<String> seen, String prefix) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** The code of the school year the form shows, e.g. 26-27 for "26-27 (current)". */
    private String yearShown() {
        String shown = (String) cedar.js("return document.querySelector('#push-year input').value;");
        return shown.split(" ")[0];
    }

    /** A row lock on one course the push will take (catalog and year): it waits for it once it is Running. */
    private static void lockOneCourseOfTheCatalog(Connection hold, String year) throws Exception {
        try (PreparedStatement st = hold.prepareStatement("""
                select c.id from district_cedar_valley.course c
                join district_cedar_valley.course_master m on m.id = c.master_id
                join district_cedar_valley.course_catalog cat on cat.id = m.catalog_id
                join district_cedar_valley.calendar cal on cal.id = c.calendar_id
                join district_cedar_valley.school_year y on y.id = cal.school_year_id
                where cat.name = ? and y.code = ? order by c.id limit 1 for update of c""")) {
            st.setString(1, CATALOG);
            st.setString(2, year);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("a course of %s in %s in Cedar Valley", CATALOG, year).isTrue();
            }
        }
    }
}
