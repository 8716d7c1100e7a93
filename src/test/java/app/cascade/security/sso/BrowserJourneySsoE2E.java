package app.cascade.security.sso;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.cascade.security.sso.KeycloakSsoE2E.HTTP;
import static app.cascade.security.sso.KeycloakSsoE2E.ISSUER;
import static app.cascade.security.sso.KeycloakSsoE2E.JSON;
import static app.cascade.security.sso.KeycloakSsoE2E.KEYCLOAK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The user journey in a real browser (headless Debian Chromium through Selenium), signing in on the real Keycloak
 * login page ({@code ./mvnw verify -Pe2e} starts Keycloak). The app runs on a random port with both demo districts
 * loaded from {@code tenants/}: Lakeside (district A) and Cedar Valley (district B).
 * <ol>
 *   <li>lakeside.push opens Push All Course Masters and previews an Overwrite with sections;</li>
 *   <li>Run Now: the queue row goes Running (with a progress bar) to Completed without a reload;</li>
 *   <li>the bell shows 1; the CSV and PDF reports download and parse;</li>
 *   <li>the Residual Data Report (route {@code reports/residual}, grid {@code residual-grid}) lists the items the
 *       push kept because of grades;</li>
 *   <li>cedar.viewer, in a second browser, sees none of it and has no push buttons;</li>
 *   <li>support, in a third browser, finds a failed Lakeside request in the Support view and retries it with a
 *       reason; the retry completes, Lakeside sees who retried it, when and why, and the relayed jobs dashboard
 *       refuses a requeue and a delete.</li>
 * </ol>
 * Screenshots of every step go to {@code target/e2e/} ({@code <browser>-NN-<step>.png}); on a failure the screenshot
 * and the browser console log ({@code <browser>-console.log}) are kept there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cascade.tenants.dir=tenants",
        "cascade.demo-data.enabled=true",
        // small chunks: the push reports progress several times, so the RUNNING state is visible in the queue
        "cascade.push.chunk-size=5",
        "cascade.security.oidc.client-id=cascade-web",
        "cascade.security.oidc.client-secret=cascade-web-secret"})
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneySsoE2E {

    static final Duration SHORT = Duration.ofSeconds(20);
    static final Duration PUSH = Duration.ofMinutes(4);
    static final String CATALOG = "High School Catalog";
    /** Things only district A (Lakeside) has: its name and its schools' codes and names. */
    static final List<String> LAKESIDE_MARKERS = List.of("Lakeside", "North Shore", "LHS", "LMS", "LNA");
    static final String RESIDUAL = "RESIDUAL_HAS_DEPENDENTS";
    /** Snapshots of the queue's status cells, recorded in the page by a MutationObserver. */
    static final String RECORD_STATUSES = """
            window.__cascadeReloadMarker = 'no reload since step 2';
            window.__cascadeStatuses = [];
            const snapshot = () => [...document.querySelectorAll('#queue-grid .cascade-status-cell')].map(cell => {
              const bar = cell.querySelector('vaadin-progress-bar');
              return cell.textContent.trim() + (bar ? ' [bar ' + bar.value + '/' + bar.max
                  + (bar.indeterminate ? ' indeterminate' : '') + ']' : '');
            }).join(' | ');
            const record = () => {
              const now = snapshot();
              const all = window.__cascadeStatuses;
              if (now && (all.length === 0 || all[all.length - 1] !== now)) all.push(now);
            };
            record();
            new MutationObserver(record).observe(document.body,
                {subtree: true, childList: true, characterData: true, attributes: true});
            """;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("cascade.security.oidc.issuer", () -> ISSUER);
    }

    @Value("${local.server.port}")
    int port;

    String base;
    Browser lakeside;
    Browser cedar;
    Browser support;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    StorageProvider jobStorage;
    JsonNode webClient;
    List<String> originalRedirects;
    /** Filled by the steps, read by the later ones. */
    UUID requestId;
    List<CSVRecord> reportRows;
    boolean pushCompleted;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String step = context.getRequiredTestMethod().getName();
            for (Browser browser : new Browser[] {lakeside, cedar, support}) {
                if (browser != null) {
                    Path shot = browser.screenshot("FAILED-" + step);
                    Path log = browser.saveConsole();
                    System.err.println("Step " + step + " failed: kept " + shot + " and " + log);
                }
            }
        }
    };

    @BeforeAll
    void keycloak_accepts_this_app_and_the_browsers_start() throws Exception {
        base = "http://localhost:" + port;
        allowRedirectsTo(base);
        lakeside = new Browser("lakeside-push");
    }

    @AfterAll
    void close_browsers_and_restore_the_client() throws Exception {
        for (Browser browser : new Browser[] {lakeside, cedar, support}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (webClient != null) {
            ObjectNode restored = (ObjectNode) webClient.deepCopy();
            ArrayNode uris = restored.putArray("redirectUris");
            originalRedirects.forEach(uris::add);
            admin("PUT", "/clients/" + webClient.get("id").asString(), restored.toString());
        }
    }

    @Test
    @Order(1)
    void step1_a_lakeside_push_admin_signs_in_through_keycloak_and_previews_an_overwrite_with_sections() {
        signIn(lakeside, "/push-all-course-masters", "lakeside.push");
        lakeside.await("#push-all-course-masters", SHORT);
        assertThat(lakeside.text("#header-district")).contains("Lakeside");
        lakeside.until(SHORT, "the year and the only catalog preselected",
                d -> catalogShown(lakeside).equals(CATALOG) ? CATALOG : null);

        WebElement overwrite = lakeside.awaitText("#push-mode vaadin-radio-button",
                "Overwrite existing course and section level data", SHORT);
        lakeside.js("arguments[0].querySelector('input').click();", overwrite);
        lakeside.js("document.querySelector('#push-to-sections input').click();");
        lakeside.until(SHORT, "Overwrite and Push locked data to sections checked", d -> Boolean.TRUE.equals(
                lakeside.js("return arguments[0].checked && document.getElementById('push-to-sections').checked;",
                        overwrite)) ? true : null);
        lakeside.screenshot("step1-push-form");

        lakeside.click(lakeside.await("#push-preview", SHORT));
        WebElement summary = lakeside.await("#preview-summary", Duration.ofSeconds(60));
        String text = (String) lakeside.js("return arguments[0].textContent", summary);
        assertThat(text).startsWith("Nothing has been changed.");
        Matcher courses = Pattern.compile("over (\\d+) courses").matcher(text);
        assertThat(courses.find()).as(text).isTrue();
        assertThat(Integer.parseInt(courses.group(1))).as(text).isPositive();
        assertThat(lakeside.deep("#preview-courses")).isNotNull();
        lakeside.screenshot("step1-preview");

        lakeside.click(lakeside.awaitText("vaadin-button", "Close", SHORT));
        lakeside.until(SHORT, "the preview to close", d -> lakeside.deep("#preview-summary") == null);
    }

    @Test
    @Order(2)
    void step2_run_now_and_watch_the_queue_row_go_running_with_progress_to_completed_without_reloading() {
        assumeTrue(lakeside.deep("#push-run-now") != null, "step 1 left the push screen open");
        lakeside.js(RECORD_STATUSES);

        lakeside.click(lakeside.await("#push-run-now", SHORT));
        lakeside.click(lakeside.awaitText("vaadin-button", "Overwrite", SHORT));

        boolean[] runningShot = {false};
        String finalCell = lakeside.until(PUSH, "the queue row to reach Completed", d -> {
            String cells = statusCells();
            if (!runningShot[0] && cells.contains("Running")) {
                runningShot[0] = true;
                lakeside.screenshot("step2-running");
            }
            return cells.startsWith("Completed") || cells.startsWith("Failed") ? cells : null;
        });
        lakeside.screenshot("step2-completed");
        List<String> seen = statuses();
        System.out.println("Queue status cells seen in the page (MutationObserver): " + seen);

        assertThat(finalCell).as("the push ends well: %s", seen).matches("^Completed( with warnings)?.*");
        assertThat(lakeside.js("return window.__cascadeReloadMarker")).as("the page was never reloaded")
                .isEqualTo("no reload since step 2");
        int firstRunning = indexOf(seen, s -> s.startsWith("Running"));
        int firstCompleted = indexOf(seen, s -> s.startsWith("Completed"));
        assertThat(firstRunning).as("RUNNING was shown: %s", seen).isNotNegative();
        assertThat(firstRunning).as("RUNNING came before COMPLETED: %s", seen).isLessThan(firstCompleted);
        Pattern progress = Pattern.compile("^Running: (\\d+) of (\\d+) courses.*\\[bar (\\d+(?:\\.\\d+)?)/(\\d+)\\]");
        List<Matcher> running = seen.stream().map(progress::matcher).filter(Matcher::find).toList();
        assertThat(running).as("a RUNNING row with a progress bar over the courses: %s", seen).isNotEmpty();
        for (Matcher m : running) {
            assertThat(Integer.parseInt(m.group(2))).isPositive().isEqualTo(Integer.parseInt(m.group(4)));
            assertThat(Integer.parseInt(m.group(1))).isLessThanOrEqualTo(Integer.parseInt(m.group(2)));
        }
        pushCompleted = true;
    }

    @Test
    @Order(3)
    void step3_the_bell_shows_one_and_the_csv_and_pdf_reports_download_and_parse() throws Exception {
        assumeTrue(pushCompleted, "step 2 completed the push");
        lakeside.until(SHORT, "the bell to show 1 unread notification",
                d -> "1".equals(lakeside.text("#notification-count")) ? true : null);
        lakeside.screenshot("step3-bell-shows-1");

        requestId = onlyRequestOf("lakeside.push");
        List<String> queueRows = gridRows(lakeside, lakeside.await("#queue-grid", SHORT));
        assertThat(queueRows).hasSize(1);
        assertThat(queueRows.getFirst()).contains(CATALOG, "26-27", "Completed",
                "Overwrite existing course and section level data", "True", "Get the report");
        lakeside.click(lakeside.awaitText("#queue-grid vaadin-button", "Get the report", SHORT));
        lakeside.await("#report-csv", SHORT);
        assertThat(lakeside.text("#report-settings")).contains("Overwrite existing course and section level data",
                "pushed to sections");
        lakeside.screenshot("step3-report-dialog");
        lakeside.cleanDownloads();

        lakeside.userClick(lakeside.deep("#report-csv"));
        Path csvFile = lakeside.awaitDownload(".csv", SHORT);
        assertThat(csvFile.getFileName().toString()).startsWith("push-report-high-school-catalog-26-27-")
                .contains(requestId.toString().substring(0, 8));
        String csv = Files.readString(csvFile, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        try (Reader reader = new StringReader(csv.substring(1));
             CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).containsExactly("School", "Course number", "Course name", "Section",
                    "Data type", "Item", "Outcome", "Reason", "Assignments", "Scores", "Posted grades", "Comments",
                    "Details");
            reportRows = parser.getRecords();
        }
        assertThat(reportRows).as("report rows").isNotEmpty();
        assertThat(reportRows).as("an Overwrite of the demo data keeps graded setup as residual")
                .anyMatch(r -> r.get("Reason").equals(RESIDUAL));

        lakeside.userClick(lakeside.deep("#report-pdf"));
        Path pdfFile = lakeside.awaitDownload(".pdf", SHORT);
        byte[] pdf = Files.readAllBytes(pdfFile);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getNumberOfPages()).isPositive();
            String firstPage = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(firstPage).contains(CATALOG);
        }
        System.out.printf("Downloaded %s (%d rows, %d residual) and %s (%d bytes)%n", csvFile, reportRows.size(),
                reportRows.stream().filter(r -> r.get("Reason").equals(RESIDUAL)).count(), pdfFile, pdf.length);
        lakeside.click(lakeside.awaitText("vaadin-button", "Close", SHORT));
        lakeside.until(SHORT, "the report dialog to close", d -> lakeside.deep("#report-csv") == null);

        lakeside.click(lakeside.await("#notification-bell", SHORT));
        lakeside.await(".cascade-notification-list", SHORT);
        assertThat(lakeside.text(".cascade-notification")).contains(CATALOG);
        lakeside.screenshot("step3-notifications");
        lakeside.click(lakeside.awaitText("vaadin-button", "Close", SHORT));
        lakeside.until(SHORT, "the bell count to clear once read",
                d -> "".equals(lakeside.text("#notification-count")) ? true : null);
    }

    /**
     * Step 4 reads the Residual Data Report ({@code ResidualReportView}: route {@code reports/residual}, grid
     * {@code residual-grid}). Without that view the step FAILS with a message saying so; it is never skipped.
     */
    @Test
    @Order(4)
    void step4_the_residual_data_report_lists_the_items_the_push_kept_because_of_grades() {
        assumeTrue(reportRows != null, "step 3 downloaded the push report");
        List<CSVRecord> expected = reportRows.stream().filter(r -> r.get("Reason").equals(RESIDUAL)).toList();
        lakeside.driver.get(base + "/reports/residual");
        WebElement grid;
        try {
            grid = lakeside.await("#residual-grid", SHORT);
        } catch (org.openqa.selenium.TimeoutException e) {
            lakeside.screenshot("step4-no-residual-report");
            fail("STEP 4: no Residual Data Report at " + base + "/reports/residual (no element #residual-grid "
                    + "after " + SHORT.toSeconds() + " s): the view (ResidualReportView) or its grid id is missing.");
            return;
        }
        List<String> rows = gridRows(lakeside, grid);
        lakeside.screenshot("step4-residual-report");
        System.out.printf("Residual Data Report: %d rows; the push reported %d residual items%n", rows.size(),
                expected.size());
        assertThat(rows).as("residual rows").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (CSVRecord r : expected) {
            boolean listed = rows.stream().anyMatch(row -> row.contains(r.get("Course number"))
                    && row.contains(r.get("Item"))
                    && (r.get("Section").isBlank() || row.contains(r.get("Section"))));
            if (!listed) {
                missing.add(r.get("Course number") + " / " + r.get("Section") + " / " + r.get("Item"));
            }
        }
        assertThat(missing).as("items the push kept as residual but the report does not list").isEmpty();
        assertThat(rows.size()).as("at least one row per residual item the push reported")
                .isGreaterThanOrEqualTo(expected.size());
    }

    @Test
    @Order(5)
    void step5_a_cedar_valley_viewer_in_a_second_browser_sees_none_of_it_and_has_no_push_buttons() throws Exception {
        assumeTrue(requestId != null, "step 3 found the Lakeside request");
        cedar = new Browser("cedar-viewer");
        signIn(cedar, "/", "cedar.viewer");
        cedar.await("#main-nav", SHORT);
        assertThat(cedar.text("#header-district")).contains("Cedar Valley");
        assertThat(cedar.deep("vaadin-side-nav-item[path='push-all-course-masters']")).isNull();
        assertNoPushButtons();
        assertThat(cedar.text("#notification-count")).as("no notification").isEqualTo("");
        cedar.click(cedar.await("#notification-bell", SHORT));
        cedar.await(".cascade-notification-list", SHORT);
        assertThat(cedar.text(".cascade-notification-list")).contains("No notifications yet");
        assertThat(cedar.deep(".cascade-notification")).isNull();
        assertThat(cedar.deep("#notification-open-push")).isNull();
        cedar.screenshot("step5-home-and-bell");
        cedar.click(cedar.awaitText("vaadin-button", "Close", SHORT));

        // the schools the viewer can pick are their own district's only
        cedar.driver.get(base + "/courses");
        cedar.settled(SHORT);
        cedar.js("document.getElementById('school-select').opened = true;");
        String schools = cedar.until(SHORT, "the school list", d -> {
            // the items render empty first and get their labels a moment later: wait for every label
            Object items = cedar.js(Browser.DEEP_QUERY + """
                    const labels = deepAll('vaadin-combo-box-item', document).map(i => i.textContent.trim());
                    return labels.length > 0 && labels.every(l => l.length > 0) ? labels.join('; ') : null;
                    """);
            return items == null ? null : items.toString();
        });
        assertThat(schools).contains("Cedar Valley High School", "Cedar Valley Middle School");
        assertNoLakesideData(schools);
        assertNoLakesideData(cedar.pageText());
        cedar.screenshot("step5-courses-schools");
        cedar.js("document.getElementById('school-select').opened = false;");

        // the push screen itself is not there for a viewer: neither its form nor its queue
        cedar.driver.get(base + "/push-all-course-masters");
        cedar.settled(SHORT);
        assertThat(cedar.deep("#push-all-course-masters")).isNull();
        assertThat(cedar.deep("#queue-grid")).isNull();
        assertNoPushButtons();
        assertNoLakesideData(cedar.pageText());
        cedar.screenshot("step5-push-screen-refused");

        // the request of district A, by its URL, with the viewer's own Keycloak token: not found, and not listed
        String token = KeycloakSsoE2E.token("cedar.viewer");
        for (String path : List.of("/api/v1/pushes/" + requestId, "/api/v1/pushes/" + requestId + "/report")) {
            HttpResponse<String> response = get(path, token);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertNoLakesideData(response.body());
        }
        HttpResponse<String> queue = get("/api/v1/pushes", token);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(requestId.toString());
        // and in the browser, the API without a token is refused outright
        cedar.driver.get(base + "/api/v1/pushes/" + requestId);
        assertThat(cedar.pageText()).doesNotContain(requestId.toString(), "Lakeside");
        cedar.screenshot("step5-request-url");
    }

    @Test
    @Order(6)
    void step6_support_retries_a_failed_lakeside_request_with_a_reason_and_lakeside_sees_who_when_and_why()
            throws Exception {
        UUID failed = inLakeside(() -> jdbc.queryForObject("""
                insert into push_request (id, kind, catalog_id, school_year_id, mode, to_sections, data_types, status,
                    submitted_by, submitted_at, scheduled_at, started_at, finished_at, attempts, message)
                select gen_random_uuid(), 'CATALOG', c.id, y.id, 'PUSH_LOCKED', false, '{CATEGORIES}', 'FAILED',
                    'lakeside.push', now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours',
                    now() - interval '1 hour', 4, 'The push failed: could not extend file: No space left on device'
                from course_catalog c, school_year y where c.name = ? and y.code = '26-27'
                returning id
                """, UUID.class, CATALOG));
        String reason = "Disk full on the database host; space freed, retrying";
        support = new Browser("support");
        signIn(support, "/support/districts", "support");
        WebElement grid = support.await("#attention-grid", SHORT);
        assertThat(gridRows(support, grid)).singleElement().asString().contains("Lakeside", CATALOG, "26-27",
                "Failed after 4 attempts", "lakeside.push", "No space left on device", "Retry");
        support.screenshot("step6-support-view");

        support.click(support.awaitText("#attention-grid vaadin-button", "Retry", SHORT));
        WebElement text = support.await("#support-reason textarea", SHORT);
        text.sendKeys(reason);
        support.until(SHORT, "Retry enabled once a reason is given",
                d -> Boolean.TRUE.equals(support.js("return !document.getElementById('support-confirm').disabled;"))
                        ? true : null);
        support.screenshot("step6-reason-dialog");
        support.click(support.await("#support-confirm", SHORT));
        support.until(SHORT, "the confirmation", d -> support.pageText().contains("Retried as request") ? true : null);
        support.until(SHORT, "the dialog to close", d -> support.deep("#support-reason") == null);
        support.screenshot("step6-retried");

        UUID retry = inLakeside(() -> jdbc.queryForObject("select related_request_id from push_request_action"
                + " where request_id = ? and action = 'RETRIED'", UUID.class, failed));
        String finalStatus = support.until(PUSH, "the retry to end", d -> {
            String status = inLakeside(() -> jdbc.queryForObject("select status from push_request where id = ?",
                    String.class, retry));
            return status.startsWith("COMPLETED") || status.equals("FAILED") ? status : null;
        });
        assertThat(finalStatus).startsWith("COMPLETED");
        support.click(support.await("#attention-refresh", SHORT));
        support.until(SHORT, "the failed request to leave the list",
                d -> support.pageText().contains("No push request failed in the last 7 days") ? true : null);
        support.screenshot("step6-nothing-needs-attention");

        // what Lakeside sees on both requests, through its own API token
        String token = KeycloakSsoE2E.token("lakeside.push");
        JsonNode seen = JSON.readTree(get("/api/v1/pushes/" + failed, token).body());
        assertThat(seen.get("status").asString()).isEqualTo("FAILED");
        assertThat(seen.get("lastAction").asString()).matches("Retried by support \\(Sam Support\\) on "
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: " + Pattern.quote(reason));
        JsonNode again = JSON.readTree(get("/api/v1/pushes/" + retry, token).body());
        assertThat(again.get("submittedBy").asString()).isEqualTo("lakeside.push");
        assertThat(again.get("lastAction").asString())
                .startsWith("Retry of a failed request, started by support (Sam Support) on ").endsWith(reason);

        // and the relayed jobs dashboard, in support's own signed-in browser, refuses to requeue or delete the job
        UUID job = inLakeside(() -> jdbc.queryForObject("select job_id from push_request where id = ?", UUID.class,
                retry));
        StateName before = jobStorage.getJobById(job).getState();
        for (String method : List.of("POST", "DELETE")) {
            String path = "/api/jobs/" + job + (method.equals("POST") ? "/requeue" : "");
            Object status = support.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {method: arguments[1]}).then(r => done(r.status), e => done(String(e)));
                    """, path, method);
            assertThat(status).as("%s %s", method, path).isEqualTo(403L);
        }
        assertThat(jobStorage.getJobById(job).getState()).isEqualTo(before);
        assertThat(inLakeside(() -> jdbc.queryForObject("select status from push_request where id = ?",
                String.class, retry))).isEqualTo(finalStatus);
    }

    private <T> T inLakeside(java.util.function.Supplier<T> work) {
        return app.cascade.tenancy.TenantContext.call("lakeside", () -> new TransactionTemplate(transactions)
                .execute(s -> work.get()));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Opens {@code path}, is sent to Keycloak's own login page, signs in, and lands back in the app. */
    void signIn(Browser browser, String path, String username) {
        browser.driver.get(base + path);
        browser.until(SHORT, "the Keycloak login page", d -> d.getCurrentUrl().startsWith(ISSUER + "/")
                && !d.findElements(By.id("username")).isEmpty() ? true : null);
        browser.screenshot("keycloak-login");
        browser.driver.findElement(By.id("username")).sendKeys(username);
        if (browser.driver.findElements(By.id("password")).stream().noneMatch(WebElement::isDisplayed)) {
            browser.driver.findElement(By.id("kc-login")).click();   // identity-first: the password comes next
            browser.until(SHORT, "the password field", d -> d.findElements(By.id("password")).stream()
                    .anyMatch(WebElement::isDisplayed) ? true : null);
        }
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.id("kc-login")).click();
        browser.until(SHORT, username + " back in the app", d -> d.getCurrentUrl().startsWith(base) ? true : null);
        browser.until(SHORT, "the signed-in header", d -> browser.deep("#header-user"));
    }

    /** Every row of a Vaadin grid as "cell | cell | …": renders all rows (no virtual scrolling), reads the shadow DOM. */
    private static List<String> gridRows(Browser browser, WebElement grid) {
        browser.js("arguments[0].allRowsVisible = true;", grid);
        return browser.until(Duration.ofSeconds(60), "every row of the grid to render", d -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) browser.js("""
                    const grid = arguments[0];
                    const rows = [...grid.shadowRoot.querySelectorAll('#items tr')]
                        .filter(tr => !tr.hidden && tr.index !== undefined && tr.index < grid.size)
                        .map(tr => [...tr.querySelectorAll('slot')]
                            .map(s => s.assignedNodes().map(n => n.textContent).join('').trim()).join(' | '));
                    return {size: grid.size, loading: grid.hasAttribute('loading'), rows: rows};
                    """, grid);
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) state.get("rows");
            long size = ((Number) state.get("size")).longValue();
            boolean filled = texts.size() == size && texts.stream().noneMatch(String::isBlank);
            return !Boolean.TRUE.equals(state.get("loading")) && filled ? texts : null;
        });
    }

    private static String catalogShown(Browser browser) {
        Object value = browser.js("const input = document.querySelector('#push-catalog input');"
                + " return input ? input.value : '';");
        return value == null ? "" : value.toString();
    }

    private String statusCells() {
        Object cells = lakeside.js("return [...document.querySelectorAll('#queue-grid .cascade-status-cell')]"
                + ".map(c => c.textContent.trim()).join(' | ');");
        return cells == null ? "" : cells.toString();
    }

    @SuppressWarnings("unchecked")
    private List<String> statuses() {
        return (List<String>) lakeside.js("return window.__cascadeStatuses || [];");
    }

    private static int indexOf(List<String> list, java.util.function.Predicate<String> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private void assertNoPushButtons() {
        for (String id : List.of("#push-preview", "#push-run-now", "#push-submit-batch", "#notification-open-push")) {
            assertThat(cedar.deep(id)).as(id).isNull();
        }
        assertThat(cedar.deepWithText("vaadin-button", "Run Now")).isNull();
        assertThat(cedar.deepWithText("vaadin-button", "Submit to Batch")).isNull();
    }

    private static void assertNoLakesideData(String text) {
        for (String marker : LAKESIDE_MARKERS) {
            assertThat(text).as("district B's page").doesNotContain(marker);
        }
    }

    private UUID onlyRequestOf(String user) throws Exception {
        HttpResponse<String> response = get("/api/v1/pushes", KeycloakSsoE2E.token(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.size()).as(response.body()).isEqualTo(1);
        return UUID.fromString(list.get(0).get("id").asString());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Keycloak's admin API: the realm file allows the web client to return to port 8080 only; this test's app runs
    // on a random port, so the test adds that address to the client for the run (and restores it afterwards).

    private void allowRedirectsTo(String appBase) throws Exception {
        JsonNode found = JSON.readTree(admin("GET", "/clients?clientId=cascade-web", null));
        assertThat(found.size()).as("the cascade-web client in the realm").isEqualTo(1);
        webClient = found.get(0);
        originalRedirects = new ArrayList<>();
        webClient.get("redirectUris").forEach(u -> originalRedirects.add(u.asString()));
        ObjectNode updated = (ObjectNode) webClient.deepCopy();
        ArrayNode uris = updated.putArray("redirectUris");
        originalRedirects.forEach(uris::add);
        uris.add(appBase + "/*");
        admin("PUT", "/clients/" + webClient.get("id").asString(), updated.toString());
    }

    private static String admin(String method, String path, String body) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("Keycloak admin token: %s", login.body()).isEqualTo(200);
        String token = JSON.readTree(login.body()).get("access_token").asString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/cascade" + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body();
    }
}
