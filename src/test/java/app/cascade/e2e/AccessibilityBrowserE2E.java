package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import app.cascade.tenancy.TenantContext;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, WCAG 2.1 AA: axe-core ({@link Browser#accessibility}) checks every route for every demo role that may
 * open it (the side navigation lists exactly those), and every dialog the views open; it fails on any serious or
 * critical violation and lists the moderate ones in {@code target/e2e/axe-moderate.txt} (reviewed in decision 0017).
 * Then the push tool's live region is shown to receive the status text a screen reader announces, and the push tool
 * is used with the keyboard alone. Screenshots and axe results: {@code target/e2e/a11y-*}.
 */
class AccessibilityBrowserE2E extends DemoBrowserJourney {

    static final String CATALOG = "High School Catalog";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    Browser browser;
    final Set<String> visited = new TreeSet<>();
    /** Every serious or critical finding of a method's steps: each step is checked, the method fails at its end. */
    final List<String> findings = new ArrayList<>();

    @BeforeAll
    void open_a_browser() {
        browser = new Browser("a11y").desktop();
        browsers.add(browser);
    }

    @BeforeEach
    void no_findings_of_an_earlier_method() {
        findings.clear();
    }

    /** Screenshot and axe check of the page as it is now; a violation is kept for the end of the method. */
    void check(String step) {
        // axe reads colours as painted: a toast still fading in or out is half transparent, so wait until none is
        browser.until(SHORT, "no toast fading in or out", d -> browser.deep(
                "vaadin-notification-card[opening], vaadin-notification-card[closing]") == null ? true : null);
        // a toast behind a modal dialog is inert and dimmed by its backdrop, not content a person can read there:
        // close it, so axe judges the dialog (a toast on its own is checked in the toast-run-now step)
        browser.js("if (document.querySelector('vaadin-dialog[opened], vaadin-confirm-dialog[opened]'))"
                + " document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false);");
        browser.screenshot(step);
        try {
            browser.accessibility(step);
        } catch (AssertionError e) {
            findings.add(e.getMessage());
        }
    }

    void assertNoFindings() {
        List<String> found = List.copyOf(findings);
        findings.clear();
        assertThat(found).as("serious or critical WCAG 2.1 AA violations").isEmpty();
    }

    /** Opens {@code path}, waits for Vaadin to settle, checks it, and records it as visited. */
    void visit(String who, String path) {
        browser.driver.get(base() + "/" + path);
        browser.settled(SHORT);
        browser.until(SHORT, "the view of /" + path, d -> browser.deep("vaadin-app-layout, vaadin-login-form, "
                + ".cascade-view") != null ? true : null);
        visited.add(path);
        check(who + "-" + (path.isEmpty() ? "root" : path));
    }

    /** Visits every route the signed-in user's side navigation lists. */
    List<String> visitTheMenu(String who) {
        browser.await("#main-nav", SHORT);
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) browser.js("return [...document.querySelectorAll("
                + "'#main-nav vaadin-side-nav-item[path]')].map(i => i.getAttribute('path').replace(/^\\/+/, ''));");
        assertThat(paths).as(who + "'s side navigation").isNotEmpty();
        for (String path : paths) {
            visit(who, path);
        }
        return paths;
    }

    @Test
    @Order(1)
    void the_sign_in_page_passes() {
        browser.driver.manage().deleteAllCookies();
        visit("anonymous", "login");
        assertNoFindings();
    }

    @Test
    @Order(2)
    void every_route_passes_for_every_role_that_may_open_it() {
        browser.devSignIn(base(), "lakeside.viewer");
        assertThat(visitTheMenu("viewer")).doesNotContain("push-all-course-masters", "district-data");
        visit("viewer", "district-not-enabled");

        browser.devSignIn(base(), "lakeside.push");
        assertThat(visitTheMenu("push")).contains("push-all-course-masters", "push-all-courses");

        browser.devSignIn(base(), "lakeside.admin");
        assertThat(visitTheMenu("admin")).contains("district-data");

        browser.devSignIn(base(), "support");
        assertThat(visitTheMenu("support")).contains("support/districts");

        browser.devSignIn(base(), "regional.admin");
        browser.await("#choose-lakeside", SHORT);
        visited.add("choose-district");
        check("regional-choose-district");
        browser.userClick(browser.await("#choose-lakeside", SHORT));
        browser.until(SHORT, "Lakeside chosen", d -> String.valueOf(browser.text("#header-district"))
                .contains("Lakeside") ? true : null);
        visitTheMenu("regional");
        visit("regional", "");

        assertThat(visited).as("every @Route of the app was checked").containsAll(routes());
        assertNoFindings();
    }

    @Test
    @Order(3)
    void every_dialog_of_the_catalog_views_passes() {
        signInRegional();
        browser.driver.get(base() + "/catalogs");
        browser.settled(SHORT);
        open("#catalog-new", "vaadin-dialog-overlay", "dialog-catalog-new");
        closeWithEscape();

        browser.driver.get(base() + "/masters");
        browser.settled(SHORT);
        selectFirstRow(browser, "#masters-grid");
        browser.await("#master-actions", SHORT);
        open("#master-edit", "vaadin-dialog-overlay", "dialog-master-edit");
        closeWithEscape();
        open("#master-copy", "vaadin-dialog-overlay", "dialog-master-copy");
        closeWithEscape();
        open("#master-delete", "#master-delete-confirm", "dialog-master-delete-confirm");
        closeWithEscape();
        open("#master-push", "vaadin-dialog-overlay", "dialog-master-push-to-courses");
        closeWithEscape();
        WebElement addItem = browser.await("[id^='item-add-']", SHORT);
        browser.userClick(addItem);
        browser.await("vaadin-dialog-overlay[opened]", SHORT);
        browser.settled(SHORT);
        check("dialog-master-item-editor");
        closeWithEscape();

        browser.driver.get(base() + "/courses");
        browser.settled(SHORT);
        browser.js("document.getElementById('school-select').opened = true;");
        WebElement firstSchool = browser.until(SHORT, "a school to pick", d -> browser.deep("vaadin-combo-box-item"));
        browser.userClick(firstSchool);
        selectFirstRow(browser, "#courses-grid");
        browser.await("#course-details", SHORT);
        browser.settled(SHORT);
        check("courses-details");
        open("#ignore-master-push", "vaadin-confirm-dialog-overlay[opened], vaadin-dialog-overlay[opened]",
                "dialog-ignore-master-push-confirm");
        closeWithEscape();
        assertNoFindings();
    }

    @Test
    @Order(4)
    void every_dialog_of_the_push_tool_passes_and_its_live_region_announces_the_status() {
        signInRegional();
        navigate(browser, "push-all-course-masters", "#push-all-course-masters");
        awaitCatalog();
        open("#push-preview", "#preview-summary", "dialog-preview");
        browser.userClick(browser.awaitText("vaadin-button", "Close", SHORT));
        browser.until(SHORT, "the preview to close", d -> browser.deep("#preview-summary") == null);

        WebElement overwrite = browser.awaitText("#push-mode vaadin-radio-button",
                "Overwrite existing course and section level data", SHORT);
        browser.userClick(overwrite.findElement(By.cssSelector("label")));
        open("#push-run-now", "#overwrite-confirm", "dialog-overwrite-confirm");
        browser.userClick(browser.awaitText("vaadin-button", "Cancel", SHORT));
        browser.until(SHORT, "the confirmation to close", d -> browser.deep("#overwrite-confirm") == null);
        WebElement locked = browser.awaitText("#push-mode vaadin-radio-button", "Push locked data", SHORT);
        browser.userClick(locked.findElement(By.cssSelector("label")));

        // the live region gets the push's outcome and then each status change of the queue
        browser.userClick(browser.await("#push-run-now", SHORT));
        WebElement toast = browser.await("vaadin-notification-card", SHORT);
        assertThat(toast.getDomAttribute("role")).as("Vaadin's toast is an alert region of its own").isEqualTo("alert");
        check("toast-run-now");
        String status = browser.until(PUSH, "the live region to announce Completed", d -> {
            Object text = browser.js("const r = document.getElementById('push-live');"
                    + " return r && r.getAttribute('aria-live') === 'polite' ? r.textContent : null;");
            return text != null && text.toString().contains("Completed") ? text.toString() : null;
        });
        assertThat(status).contains(CATALOG, "26-27", "Completed");
        browser.screenshot("live-region-completed");

        open(browser.awaitText("#queue-grid vaadin-button", "Get the report", SHORT), "#report-csv",
                "dialog-report");
        browser.userClick(browser.awaitText("vaadin-button", "Close", SHORT));
        browser.until(SHORT, "the report dialog to close", d -> browser.deep("#report-csv") == null);

        browser.userClick(browser.await("#push-submit-batch", SHORT));
        browser.until(SHORT, "the scheduled request in the queue",
                d -> queueStatuses(browser).contains("Scheduled") ? true : null);
        open(browser.awaitText("#queue-grid vaadin-button", "Cancel", SHORT), "#cancel-confirm[opened]",
                "dialog-queue-cancel");
        browser.userClick(browser.awaitText("vaadin-button", "Cancel the push", SHORT));
        browser.until(SHORT, "the request cancelled", d -> queueStatuses(browser).contains("Cancelled") ? true : null);

        open("#notification-bell", ".cascade-notification-list", "dialog-notifications");
        browser.userClick(browser.awaitText("vaadin-button", "Close", SHORT));
        assertNoFindings();
    }

    @Test
    @Order(5)
    void the_reports_dialogs_and_the_support_reason_dialog_pass() {
        inLakeside(() -> jdbc.update("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, submitted_at, scheduled_at, started_at, finished_at, attempts, message)
                select gen_random_uuid(), 'CATALOG', c.id, y.id, 'PUSH_LOCKED', false, '{CATEGORIES}', 'FAILED',
                    'lakeside.push', now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours',
                    now() - interval '1 hour', 4, 'The push failed: could not extend file: No space left on device'
                from course_catalog c, school_year y where c.name = ? and y.code = '26-27'
                """, CATALOG));
        browser.devSignIn(base(), "support");
        browser.await("#attention-grid", SHORT);
        open(browser.awaitText("#attention-grid vaadin-button", "Retry", SHORT), "#support-reason",
                "dialog-support-reason");
        closeWithEscape();

        signInRegional();
        browser.driver.get(base() + "/reports/awaiting-push");
        browser.settled(SHORT);
        WebElement push = browser.deepWithText("#awaiting-grid vaadin-button", "Push to Courses");
        if (push != null) {
            open(push, "vaadin-dialog-overlay[opened]", "dialog-awaiting-push-to-courses");
            closeWithEscape();
        }
        assertNoFindings();
    }

    @Test
    @Order(6)
    void the_push_tool_works_with_the_keyboard_alone() {
        browser.devSignIn(base(), "lakeside.push");
        browser.driver.get(base() + "/push-all-course-masters");
        browser.settled(SHORT);
        awaitCatalog();
        long before = queueRows();
        // no clicks from here on: Tab, Shift+Tab, arrows, Space and Enter only
        browser.js("document.activeElement && document.activeElement.blur(); document.body.focus();");
        browser.tabTo("#push-year");
        browser.press(Keys.ARROW_DOWN);
        browser.until(SHORT, "the year list open", d -> Boolean.TRUE.equals(browser.js(
                "return document.getElementById('push-year').opened;")) ? true : null);
        browser.press(Keys.ENTER);
        browser.tabTo("#push-catalog");
        browser.press(Keys.ARROW_DOWN);
        browser.press(Keys.ENTER);
        browser.until(SHORT, "the catalog chosen", d -> CATALOG.equals(browser.js(
                "return document.querySelector('#push-catalog input').value;")) ? true : null);
        browser.tabTo("#push-mode vaadin-radio-button");
        browser.press(Keys.ARROW_DOWN);
        browser.until(SHORT, "Overwrite chosen with the arrow key", d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('#push-mode').value === 'OVERWRITE'"
                        + " || [...document.querySelectorAll('#push-mode vaadin-radio-button')][1].checked;"))
                ? true : null);
        browser.tabTo("#push-to-sections");
        browser.press(Keys.SPACE);
        browser.until(SHORT, "Push locked data to sections checked", d -> Boolean.TRUE.equals(browser.js(
                "return document.getElementById('push-to-sections').checked;")) ? true : null);
        browser.screenshot("keyboard-options-focus");

        browser.tabTo("#push-preview");
        browser.screenshot("keyboard-preview-focus");
        browser.press(Keys.ENTER);
        browser.await("#preview-summary", SHORT);
        browser.screenshot("keyboard-preview");
        browser.press(Keys.ESCAPE);
        browser.until(SHORT, "the preview closed by Escape", d -> browser.deep("#preview-summary") == null);

        browser.tabTo("#push-run-now");
        browser.screenshot("keyboard-run-now-focus");
        browser.press(Keys.ENTER);
        browser.await("#overwrite-confirm", SHORT);
        browser.tabTo("vaadin-button[slot='confirm-button']", 10, false);
        browser.screenshot("keyboard-overwrite-focus");
        browser.press(Keys.ENTER);
        browser.until(PUSH, "a new request in the queue", d -> queueRows() > before ? true : null);
        browser.js("document.getElementById('queue-grid').scrollIntoView({block: 'center'});");
        browser.screenshot("keyboard-request-queued");
        // the queue lists upcoming requests first (a request scheduled for tonight may lead it)
        assertThat(gridRows(browser, browser.await("#queue-grid", SHORT))).anySatisfy(row -> assertThat(row)
                .contains(CATALOG, "26-27", "Overwrite existing course and section level data", "True"));
    }

    @Test
    @Order(7)
    void the_undo_dialog_with_courses_to_put_back_and_courses_left_alone_passes_on_a_desktop_and_a_phone() {
        // the latest push that changed courses, once ended; the others' changes purged, so its Undo is the only one
        String push = browser.until(PUSH, "a finished push that changed courses", d -> inLakeside(() -> jdbc
                .queryForList("""
                        select r.id::text from push_request r where r.kind <> 'UNDO'
                            and exists (select 1 from push_change c where c.request_id = r.id)
                        order by r.submitted_at desc limit 1
                        """, String.class)).stream().findFirst().filter(id -> inLakeside(() -> jdbc.queryForObject(
                "select status in ('COMPLETED', 'COMPLETED_WITH_WARNINGS') from push_request where id = ?::uuid",
                Boolean.class, id))).orElse(null));
        inLakeside(() -> {
            jdbc.update("delete from push_change where request_id <> ?::uuid", push);
            // one course edited since the push: the undo will leave it as it is
            return jdbc.update("update course set description = 'Edited after the push' where id = (select min("
                    + "course_id) from push_change where request_id = ?::uuid)", push);
        });
        browser.devSignIn(base(), "lakeside.push");
        browser.driver.get(base() + "/push-all-course-masters");
        browser.settled(SHORT);
        open("#queue-grid vaadin-button[aria-label^='Undo the push of']", "#undo-summary", "dialog-undo");
        assertThat(browser.deep("ul#undo-restores")).as("courses it will put back").isNotNull();
        assertThat(browser.deep("ul#undo-untouched")).as("courses it will leave as they are").isNotNull();

        browser.phone();
        browser.settled(SHORT);
        check("dialog-undo-phone");
        browser.desktop();
        closeWithEscape();
        assertNoFindings();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void signInRegional() {
        browser.devSignIn(base(), "regional.admin");
        browser.userClick(browser.await("#choose-lakeside", SHORT));
        browser.until(SHORT, "Lakeside chosen", d -> String.valueOf(browser.text("#header-district"))
                .contains("Lakeside") ? true : null);
        browser.settled(SHORT);
    }

    private void awaitCatalog() {
        browser.until(SHORT, "the year and the only catalog preselected", d -> CATALOG.equals(browser.js(
                "const i = document.querySelector('#push-catalog input'); return i ? i.value : null;")) ? true : null);
    }

    private long queueRows() {
        return ((Number) browser.js("return document.getElementById('queue-grid').size || 0;")).longValue();
    }

    private void open(String button, String opened, String step) {
        open(browser.await(button, SHORT), opened, step);
    }

    private void open(WebElement button, String opened, String step) {
        browser.userClick(button);
        browser.await(opened, SHORT);
        browser.settled(SHORT);
        check(step);
    }

    private void closeWithEscape() {
        browser.press(Keys.ESCAPE);
        browser.until(SHORT, "the dialog closed by Escape", d -> browser.deep(
                "vaadin-dialog-overlay[opened], vaadin-confirm-dialog-overlay[opened]") == null ? true : null);
    }

    private <T> T inLakeside(Supplier<T> work) {
        return TenantContext.call("lakeside", () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    /** Every {@code @Route} path of the app. */
    private static Set<String> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> paths = new TreeSet<>();
        scanner.findCandidateComponents("app.cascade").forEach(bean -> {
            try {
                paths.add(Class.forName(bean.getBeanClassName()).getAnnotation(Route.class).value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return paths;
    }
}
