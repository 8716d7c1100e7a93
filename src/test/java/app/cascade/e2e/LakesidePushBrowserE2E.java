package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey of lakeside.push (PUSH_ADMIN of Lakeside, America/Chicago) through the push tool, its queue and the
 * Push to Courses dialog, in headless Chromium (issue 15, Broken 2–4 and the push tool's rough edges), signing in
 * through the dev-mode form on the demo districts:
 * <ol>
 *   <li>Push All Course Masters at 1440×900: Run Now and the queue are above the fold (the help is closed);</li>
 *   <li>Submit to Batch for tomorrow 10 PM; leave through the menu and come back: the request is still listed;</li>
 *   <li>Cancel it: a confirmation first, a toast after;</li>
 *   <li>Restart it: the new request is scheduled for the same time;</li>
 *   <li>Run Now an Overwrite of 26-27 (a year that has started): the confirmation opens with Cancel focused;</li>
 *   <li>a real double click on Run Now in a master's Push to Courses dialog stores one request;</li>
 *   <li>at 390×844, Run at, Submit to Batch and the queue's dates scroll into view and take a click;</li>
 *   <li>still on the phone, Undo of the Overwrite of step 5 once it has completed: its dialog (Cancel focused, no
 *   sideways scroll), then "Undo push": a toast names the undo request, and its row "Undo of …" reaches Completed
 *   without a reload; the bell lists the undo's notification in words ("Undo of the push of … completed: N courses
 *   restored"), fitting the phone, and its title opens the undo's report (issue 18).</li>
 * </ol>
 * Screenshots: {@code target/e2e/lakeside-push-ui-NN-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cascade.tenants.dir=tenants",
        "cascade.demo-data.enabled=true",
        "cascade.security.dev-users[0].username=lakeside.push",
        "cascade.security.dev-users[0].name=Priya Natarajan",
        "cascade.security.dev-users[0].roles=PUSH_ADMIN",
        "cascade.security.dev-users[0].districts=lakeside"})
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakesidePushBrowserE2E {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final String TOOL = "/push-all-course-masters";

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void open() {
        browser = new Browser("lakeside-push-ui");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Instant tomorrow10pm() {
        return LocalDate.now(CHICAGO).plusDays(1).atTime(22, 0).atZone(CHICAGO).toInstant();
    }

    private List<Map<String, Object>> requests() {
        return jdbc.queryForList("select kind, mode, status, scheduled_at, submitted_by_name"
                + " from district_lakeside.push_request order by submitted_at");
    }

    /** The text of the queue grid's rows (all of them rendered). */
    private String queueText() {
        return (String) browser.js("""
                const grid = document.getElementById('queue-grid');
                return grid ? [...grid.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent)
                    .join(' | ') : '';
                """);
    }

    private String toasts() {
        return (String) browser.js("return [...document.querySelectorAll('vaadin-notification-card')]"
                + ".map(c => c.textContent).join(' | ');");
    }

    /** The element a keyboard user is on, through shadow roots. */
    private WebElement focused() {
        return (WebElement) browser.js("""
                let el = document.activeElement;
                while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                return el;
                """);
    }

    @Test
    @Order(1)
    void step1_lakeside_push_signs_in_and_sees_run_now_and_the_queue_above_the_fold() {
        browser.driver.manage().window().setSize(new Dimension(1440, 900));
        browser.driver.get(url("/login"));
        browser.settled(WAIT);
        browser.await("input[name='username']", WAIT).sendKeys("lakeside.push");
        browser.await("input[name='password']", WAIT).sendKeys("demo");
        browser.click(browser.await("vaadin-button[slot='submit'], vaadin-button[theme~='submit']", WAIT));
        browser.until(WAIT, "signed in", d -> d.getCurrentUrl().contains("/login") ? null : true);
        browser.driver.get(url(TOOL));
        browser.settled(WAIT);
        browser.await("#push-all-course-masters", WAIT);
        browser.screenshot("tool-1440");

        Number viewport = (Number) browser.js("return window.innerHeight;");
        Number runNowBottom = (Number) browser.js(
                "return document.getElementById('push-run-now').getBoundingClientRect().bottom;");
        Number queueTop = (Number) browser.js(
                "return document.getElementById('queue-grid').getBoundingClientRect().top;");
        assertThat(runNowBottom.doubleValue()).as("Run Now above the fold").isLessThan(viewport.doubleValue());
        assertThat(queueTop.doubleValue()).as("the queue starts above the fold").isLessThan(viewport.doubleValue());
        assertThat(browser.js("return document.getElementById('push-help').opened;")).isEqualTo(false);
    }

    @Test
    @Order(2)
    void step2_submit_to_batch_for_tomorrow_10_pm_and_the_request_stays_listed_after_leaving_and_coming_back() {
        browser.click(browser.await("#push-submit-batch", WAIT));
        browser.until(WAIT, "the toast", d -> toasts().contains("is scheduled for") ? true : null);
        assertThat(toasts()).contains("10:00 PM CST");
        browser.until(WAIT, "the row", d -> queueText().contains("Scheduled") ? true : null);
        browser.screenshot("submitted-to-batch");
        assertThat(requests()).singleElement().satisfies(r -> {
            assertThat(((Timestamp) r.get("scheduled_at")).toInstant()).isEqualTo(tomorrow10pm());
            assertThat(r.get("submitted_by_name")).isEqualTo("Priya Natarajan");
        });

        browser.userClick(browser.await("vaadin-side-nav-item[path='catalogs']", WAIT));
        browser.until(WAIT, "left the push tool", d -> d.getCurrentUrl().endsWith("/catalogs") ? true : null);
        browser.settled(WAIT);
        browser.screenshot("left-for-catalogs");
        browser.userClick(browser.await("vaadin-side-nav-item[path='push-all-course-masters']", WAIT));
        browser.until(WAIT, "back on the push tool", d -> d.getCurrentUrl().endsWith(TOOL) ? true : null);
        browser.until(WAIT, "the scheduled request listed again", d -> queueText().contains("Scheduled") ? true
                : null);
        assertThat(queueText()).contains("All data", "Priya Natarajan").doesNotContain("lakeside.push");
        browser.js("document.getElementById('queue-grid').scrollIntoView({block: 'end'});");
        browser.screenshot("back-still-listed");
    }

    @Test
    @Order(3)
    void step3_cancel_asks_first_and_a_toast_says_it_was_cancelled() {
        browser.click(browser.awaitText("#queue-grid vaadin-button", "Cancel", WAIT));
        browser.await("#cancel-confirm", WAIT);
        browser.until(WAIT, "the confirmation", d -> browser.pageText().contains("will not run") ? true : null);
        browser.screenshot("cancel-confirmation");
        browser.until(WAIT, "Keep it focused", d -> {
            WebElement on = focused();
            return on != null && "Keep it".equals(on.getText().trim()) ? true : null;
        });

        browser.click(browser.awaitText("vaadin-button", "Cancel the push", WAIT));
        browser.until(WAIT, "the toast", d -> toasts().contains("was cancelled") ? true : null);
        browser.until(WAIT, "the row cancelled", d -> queueText().contains("Cancelled") ? true : null);
        browser.screenshot("cancelled-toast");
        assertThat(requests()).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("CANCELLED"));
    }

    @Test
    @Order(4)
    void step4_restart_keeps_the_schedule() {
        browser.click(browser.awaitText("#queue-grid vaadin-button", "Restart", WAIT));
        browser.until(WAIT, "the toast", d -> toasts().contains("was restarted") ? true : null);
        assertThat(toasts()).contains("the time it was scheduled for", "10:00 PM CST");
        browser.until(WAIT, "the restarted row", d -> queueText().contains("Scheduled") ? true : null);
        browser.screenshot("restarted-keeps-schedule");
        assertThat(requests()).hasSize(2).last().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("SCHEDULED");
            assertThat(((Timestamp) r.get("scheduled_at")).toInstant()).isEqualTo(tomorrow10pm());
        });
    }

    @Test
    @Order(5)
    void step5_run_now_of_an_overwrite_asks_with_cancel_focused() {
        WebElement overwrite = browser.awaitText("#push-mode vaadin-radio-button",
                "Overwrite existing course and section level data", WAIT);
        browser.js("arguments[0].querySelector('input').click();", overwrite);
        browser.until(WAIT, "Overwrite checked", d -> Boolean.TRUE.equals(browser.js("return arguments[0].checked;",
                overwrite)) ? true : null);

        browser.click(browser.await("#push-run-now", WAIT));
        browser.await("#overwrite-confirm", WAIT);
        browser.until(WAIT, "the safe button focused", d -> {
            WebElement on = focused();
            return on != null && "Cancel".equals(on.getText().trim()) ? true : null;
        });
        assertThat(browser.pageText()).contains("26-27 is not a future year");
        browser.screenshot("overwrite-confirmation-cancel-focused");

        browser.click(browser.awaitText("vaadin-button", "Overwrite", WAIT));
        browser.until(WAIT, "the run now toast", d -> toasts().contains("is starting now") ? true : null);
        browser.screenshot("overwrite-running");
        assertThat(requests()).hasSize(3).last().satisfies(r -> assertThat(r.get("mode")).isEqualTo("OVERWRITE"));
    }

    @Test
    @Order(6)
    void step6_a_double_click_on_run_now_in_push_to_courses_stores_one_request() {
        browser.driver.get(url("/masters"));
        browser.settled(WAIT);
        WebElement firstMaster = browser.until(WAIT, "a master row", d -> (WebElement) browser.js(
                "return [...document.querySelectorAll('#masters-grid vaadin-grid-cell-content')]"
                        + ".find(c => /^[A-Z]{2,4}[0-9]{3}$/.test(c.textContent.trim())) || null;"));
        browser.userClick(firstMaster);
        browser.settled(WAIT);
        browser.screenshot("master-selected");
        browser.click(browser.await("#master-push", WAIT));
        WebElement runNow = browser.await("#master-push-run-now", WAIT);
        browser.screenshot("push-to-courses-dialog");
        long before = requests().stream().filter(r -> "MASTER".equals(r.get("kind"))).count();

        new Actions(browser.driver).doubleClick(runNow).perform();

        browser.until(WAIT, "the dialog to close", d -> browser.deep("#push-to-courses-dialog") == null ? true
                : null);
        browser.until(WAIT, "the run now toast", d -> toasts().contains("is starting now") ? true : null);
        browser.settled(WAIT);
        browser.screenshot("push-to-courses-double-clicked");
        assertThat(requests().stream().filter(r -> "MASTER".equals(r.get("kind"))).count()).isEqualTo(before + 1);
    }

    @Test
    @Order(7)
    void step7_on_a_phone_run_at_submit_to_batch_and_the_queue_dates_are_reachable_and_take_a_click() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.driver.get(url(TOOL));
        browser.settled(WAIT);
        browser.await("#push-all-course-masters", WAIT);
        browser.screenshot("phone-top");
        Object wide = browser.js("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('#push-all-course-masters *')]
                    .filter(el => !el.closest('vaadin-grid') && el.getBoundingClientRect().width > 0
                        && el.getBoundingClientRect().right > w + 1)
                    .map(el => el.tagName.toLowerCase() + '#' + el.id);
                """);
        assertThat((List<?>) wide).as("nothing but the queue's own columns is wider than the phone").isEmpty();
        for (String id : List.of("push-run-at", "push-submit-batch", "queue-from", "queue-to")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> hit = (Map<String, Object>) browser.js("""
                    const el = document.getElementById(arguments[0]);
                    el.scrollIntoView({block: 'center'});
                    const r = el.getBoundingClientRect();
                    const target = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return {left: r.left, right: r.right, width: window.innerWidth,
                            hits: !!target && (el === target || el.contains(target))};
                    """, id);
            browser.screenshot("phone-" + id);
            assertThat(((Number) hit.get("left")).doubleValue()).as(id + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(((Number) hit.get("right")).doubleValue()).as(id + " right edge")
                    .isLessThanOrEqualTo(((Number) hit.get("width")).doubleValue());
            assertThat(hit.get("hits")).as(id + " takes a click at its centre").isEqualTo(true);
        }
        browser.userClick(browser.await("#push-submit-batch", WAIT));
        browser.until(WAIT, "the toast", d -> toasts().contains("is scheduled for") ? true : null);
        browser.screenshot("phone-submitted");
    }

    @Test
    @Order(8)
    void step8_on_a_phone_undo_of_the_completed_overwrite_asks_with_its_preview_and_the_undo_row_completes_live() {
        browser.driver.get(url(TOOL));
        browser.settled(WAIT);
        String undoButton = "#queue-grid vaadin-button[aria-label^='Undo the push of']";
        WebElement undo = browser.until(Duration.ofMinutes(3), "the Undo of the completed Overwrite", d -> {
            WebElement button = browser.deep(undoButton);
            if (button == null) {
                browser.click(browser.await("#queue-refresh", WAIT));
                browser.settled(WAIT);
            }
            return button;
        });
        browser.click(undo);
        browser.await("#undo-dialog", WAIT);
        browser.await("#undo-summary", WAIT);
        browser.until(WAIT, "Cancel focused", d -> {
            WebElement on = focused();
            return on != null && "Cancel".equals(on.getText().trim()) ? true : null;
        });
        Object overflow = browser.js("""
                const w = document.documentElement.clientWidth;
                return document.documentElement.scrollWidth > w
                    || [...document.querySelectorAll('#undo-summary, #undo-restores, #undo-untouched, #undo-confirm')]
                        .some(el => el.getBoundingClientRect().right > w + 1);
                """);
        assertThat(overflow).as("the undo dialog fits the phone").isEqualTo(false);
        assertThat(browser.pageText()).contains("Nothing has been changed yet", "Courses it will put back");
        browser.screenshot("phone-undo-dialog");

        browser.click(browser.await("#undo-confirm", WAIT));
        browser.until(WAIT, "the undo toast", d -> toasts().contains("The undo of the push of ") ? true : null);
        browser.screenshot("phone-undo-stored");
        // the row's cells are catalog | school year | status: "Undo of …" then, live, its status Completed
        browser.until(Duration.ofMinutes(3), "the undo row completed without a reload", d -> queueText()
                .matches("(?s).*Undo of [^|]*\\|[^|]*\\|\\s*Completed.*") ? true : null);
        browser.screenshot("phone-undo-completed");
        assertThat(requests().stream().filter(r -> "UNDO".equals(r.get("kind"))).toList()).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("COMPLETED"));
        String undoId = jdbc.queryForObject("select id::text from district_lakeside.push_request where kind = 'UNDO'",
                String.class);

        // the bell tells what the undo did, in words, and its title leads to the undo's report
        browser.until(WAIT, "the undo's notification stored", d -> jdbc.queryForObject("select count(*) from"
                + " district_lakeside.notification where request_id = ?::uuid", Integer.class, undoId) == 1 ? true
                : null);
        browser.click(browser.await("#notification-bell", WAIT));
        browser.await(".cascade-notification-list", WAIT);
        WebElement link = browser.until(WAIT, "the undo's notification", d -> (WebElement) browser.js("""
                return [...document.querySelectorAll('.cascade-notification a')]
                    .find(a => a.textContent.startsWith('Undo of the push of')) || null;
                """));
        assertThat(link.getText()).matches("Undo of the push of .+ \\(\\w{3} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M"
                + " C[SD]T\\) completed: \\d+ courses? restored");
        assertThat(link.getAttribute("href")).endsWith("push-all-course-masters?request=" + undoId);
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) browser.js("""
                const w = document.documentElement.clientWidth;
                const item = arguments[0].closest('.cascade-notification');
                const r = item.getBoundingClientRect();
                const px = el => parseFloat(getComputedStyle(el).fontSize);
                return {sideways: document.documentElement.scrollWidth > w || r.left < 0 || r.right > w + 1,
                        smallest: Math.min(...[arguments[0], ...item.querySelectorAll('p, span')].map(px))};
                """, link);
        browser.screenshot("phone-undo-notification");
        assertThat(fit.get("sideways")).as("the bell's panel fits the phone").isEqualTo(false);
        assertThat(((Number) fit.get("smallest")).doubleValue()).as("its smallest text, px")
                .isGreaterThanOrEqualTo(12);

        browser.userClick(link);
        browser.await("#report-dialog", WAIT);
        browser.until(WAIT, "the undo's report rows", d -> browser.pageText().contains("Restored as before the push")
                ? true : null);
        browser.settled(WAIT);
        browser.screenshot("phone-undo-report-from-the-bell");
        assertThat(browser.driver.getCurrentUrl()).endsWith("request=" + undoId);
        assertThat(browser.deep("#notification-dialog")).as("the bell's panel closed").isNull();
    }
}
