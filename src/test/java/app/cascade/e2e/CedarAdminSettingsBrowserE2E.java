package app.cascade.e2e;

import app.cascade.catalog.TestUsers;
import app.cascade.security.sso.Browser;
import app.cascade.tenancy.DistrictSettings;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15, cedar.admin (Rosa Jimenez, district admin who may also push) in District settings and District data at
 * 1440×900: the Batch Reporting switch, explained and audited, holds a Run Now in Queued while it is off and runs it
 * once it is turned on again, all without typing a URL; a rejected district document is shown as rejected (never a
 * green ✓) with every problem and its JSON path, and the next document is taken at once and replaces the outcome.
 * The switch ends on and Cedar Valley's data is never replaced (both uploads are rejected): the journeys share one
 * Spring context. Screenshots: {@code target/e2e/cedar-admin-settings-*.png}.
 */
class CedarAdminSettingsBrowserE2E extends DemoBrowserJourney {

    static final String TENANT = "cedar-valley";
    static final String SCHEMA = "district_cedar_valley";
    static final String CATALOG = "High School Catalog";
    static final String ROSA = "Rosa Jimenez";
    /** Every state a file row of the upload was seen in (complete, error), recorded in the page from the first change. */
    static final String RECORD_FILE_ROWS = """
            window.__cascadeFileRows = [];
            const upload = document.querySelector('#district-import');
            const record = () => {
              for (const f of upload.querySelectorAll('vaadin-upload-file')) {
                const file = f.file || {};
                window.__cascadeFileRows.push({name: file.name || '', complete: !!file.complete || f.hasAttribute('complete'),
                    error: file.error || f.getAttribute('error') || ''});
              }
            };
            new MutationObserver(record).observe(upload, {subtree: true, childList: true, attributes: true});
            """;
    /** Three problems: a field each school year does not have, and one the document does not have. */
    static final String THREE_PROBLEMS = """
            {"format": "cascade.district/v1",
             "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2027-06-04", "colour": "red"},
                             {"code": "27-28", "startDate": "2027-08-16", "endDate": "2028-06-02", "mascot": "owl"}],
             "catalogs": [], "schools": [], "extra": true}
            """;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    DistrictSettings settings;

    Browser admin;
    String waitingRequest;
    boolean rejectedOnce;

    @BeforeAll
    void sign_in() {
        admin = signedIn("cedar-admin-settings", "cedar.admin");
    }

    /** Whatever a step left, Batch Reporting ends on (as cedar.admin would set it): later journeys push. */
    @AfterAll
    void batch_reporting_ends_on() {
        try {
            TestUsers.signIn(context, "cedar.admin");
            TenantContext.run(TENANT, () -> settings.setBatchReporting(true));
        } finally {
            TestUsers.signOut();
        }
    }

    @Test
    @Order(1)
    void cedar_admin_turns_batch_reporting_off_in_district_settings_with_its_effect_explained() {
        navigate(admin, "district-settings", "#district-settings");
        WebElement box = admin.await("#batch-reporting-switch", SHORT);
        assertThat(admin.js("return arguments[0].checked;", box)).as("Batch Reporting starts on").isEqualTo(true);
        WebElement explanation = admin.await("#batch-reporting-switch [slot='helper']", SHORT);
        assertThat(explanation.getText()).contains("While it is off, every push request waits in the Batch Queue List"
                + " as Queued", "turning it on starts the waiting requests at once");
        admin.screenshot("district-settings-on");
        admin.accessibility("district-settings");

        admin.userClick(admin.await("#batch-reporting-switch input", SHORT));
        String change = admin.until(SHORT, "the last change naming who turned it off", d -> {
            String text = admin.text("#batch-reporting-last-change");
            return text != null && text.startsWith("Turned off by " + ROSA) ? text : null;
        });
        admin.settled(SHORT);
        admin.screenshot("district-settings-off");
        assertThat(change).contains("(was on)");
        assertThat(admin.js("return arguments[0].checked;", box)).isEqualTo(false);
        assertThat(jdbc.queryForObject("select batch_reporting from cascade.tenant where id = ?", Boolean.class,
                TENANT)).isFalse();
    }

    @Test
    @Order(2)
    void while_it_is_off_the_push_tool_says_so_and_a_run_now_stays_queued() {
        navigate(admin, "push-all-course-masters", "#push-all-course-masters");
        WebElement banner = admin.await("#batch-reporting-off", SHORT);
        assertThat(banner.getText()).contains("Batch Reporting is turned off for this district",
                "District admins find the switch in District settings");
        assertThat(admin.await("#batch-reporting-settings", SHORT).getAttribute("href")).endsWith("/district-settings");
        admin.until(SHORT, "the year and the only catalog preselected", d -> CATALOG.equals(admin.js(
                "const i = document.querySelector('#push-catalog input'); return i ? i.value : null;")) ? true : null);
        WebElement locked = admin.awaitText("#push-mode vaadin-radio-button", "Push locked data", SHORT);
        assertThat(admin.js("return arguments[0].checked;", locked)).as("Push locked data is the default").isEqualTo(true);
        admin.screenshot("push-tool-batch-reporting-off");
        List<String> before = requestIds();

        admin.userClick(admin.await("#push-run-now", SHORT));
        // read while it shows (a toast leaves after 5 s, and the waits below may take longer)
        String toast = admin.until(SHORT, "Run Now's toast", d -> {
            String page = admin.pageText();
            return page.contains("The push of High School Catalog (26-27) is") ? page : null;
        });
        assertThat(toast).as("Run Now's toast, while Batch Reporting is off")
                .contains("The push of High School Catalog (26-27) is queued: it waits until a district admin turns"
                        + " Batch Reporting on.")
                .doesNotContain("is starting now");
        waitingRequest = admin.until(SHORT, "cedar.admin's new request", d -> requestIds().stream()
                .filter(id -> !before.contains(id)).findFirst().orElse(null));
        // its job ran and found Batch Reporting off: the request waits, and nothing else will move it
        admin.until(SHORT, "the job to leave the request waiting", d -> jdbc.queryForObject(
                "select message from " + SCHEMA + ".push_request where id = ?::uuid", String.class, waitingRequest)
                instanceof String m && m.startsWith("Waiting: Batch Reporting is off") ? true : null);
        admin.until(SHORT, "the new row Queued", d -> queueStatuses(admin).startsWith("Queued") ? true : null);
        admin.settled(SHORT);
        admin.js("document.getElementById('queue-grid').scrollIntoView({block: 'center'});");
        admin.screenshot("run-now-stays-queued");
        assertThat(status(waitingRequest)).isEqualTo("QUEUED");
        assertThat(queueStatuses(admin)).startsWith("Queued");
        assertThat(jdbc.queryForObject("select submitted_by from " + SCHEMA + ".push_request where id = ?::uuid",
                String.class, waitingRequest)).isEqualTo("cedar.admin");
    }

    @Test
    @Order(3)
    void the_banners_link_leads_to_the_switch_and_turning_it_on_runs_the_waiting_request() {
        assumeTrue(waitingRequest != null, "step 2 left a request waiting");
        admin.userClick(admin.await("#batch-reporting-settings", SHORT));
        admin.await("#district-settings", SHORT);
        admin.settled(SHORT);
        assertThat(admin.driver.getCurrentUrl()).endsWith("/district-settings");
        admin.userClick(admin.await("#batch-reporting-switch input", SHORT));
        String change = admin.until(SHORT, "the last change naming who turned it on", d -> {
            String text = admin.text("#batch-reporting-last-change");
            return text != null && text.startsWith("Turned on by " + ROSA) ? text : null;
        });
        admin.settled(SHORT);
        admin.screenshot("district-settings-on-again");
        assertThat(change).contains("(was off)");
        admin.accessibility("district-settings-after-change");

        navigate(admin, "push-all-course-masters", "#push-all-course-masters");
        String shown = admin.until(PUSH, "the waiting request to end in the Batch Queue List", d -> {
            String first = queueStatuses(admin);
            return first.startsWith("Completed") || first.startsWith("Failed") ? first : null;
        });
        admin.settled(SHORT);
        admin.js("document.getElementById('queue-grid').scrollIntoView({block: 'center'});");
        admin.screenshot("waiting-request-completed");
        assertThat(shown).startsWith("Completed");
        assertThat(status(waitingRequest)).isIn("COMPLETED", "COMPLETED_WITH_WARNINGS");
        assertThat(admin.deep("#batch-reporting-off")).as("the banner, once Batch Reporting is on").isNull();
    }

    /** Cedar Valley's own demo document, spoilt in two places: rejected as a whole, nothing imported. */
    @Test
    @Order(4)
    void a_rejected_district_document_is_shown_rejected_with_every_problem_and_no_check_mark() throws Exception {
        ObjectNode document = (ObjectNode) json.readTree(Files.readString(Path.of("tenants/cedar-valley.json")));
        ((ObjectNode) document.get("schoolYears").get(0)).put("colour", "red");
        document.put("extra", true);
        Path spoilt = upload("cedar-valley-spoilt.json", json.writeValueAsString(document));
        long masters = masters();

        navigate(admin, "district-data", "#district-data");
        admin.js(RECORD_FILE_ROWS);
        admin.screenshot("district-data");
        fileInput().sendKeys(spoilt.toString());
        List<String> problems = problemsShown("cedar-valley-spoilt.json");
        admin.settled(SHORT);
        admin.screenshot("district-data-rejected");
        System.out.println("Problems shown for cedar-valley-spoilt.json: " + problems);

        assertThat(admin.text("#district-import-result")).contains(
                "cedar-valley-spoilt.json was rejected: nothing was imported", "these 2 problems")
                .doesNotContain("more problem");
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("$.schoolYears[0]").contains("colour"))
                .anySatisfy(p -> assertThat(p).startsWith("$").contains("extra"));
        assertNoCheckMark();
        assertThat(masters()).isEqualTo(masters);
        rejectedOnce = true;
    }

    @Test
    @Order(5)
    void the_next_document_is_taken_at_once_and_its_outcome_replaces_the_first() throws Exception {
        assumeTrue(rejectedOnce, "step 4 was rejected");
        Path second = upload("three-problems.json", THREE_PROBLEMS);

        fileInput().sendKeys(second.toString());
        List<String> problems = problemsShown("three-problems.json");
        admin.settled(SHORT);
        admin.screenshot("district-data-second-rejected");
        System.out.println("Problems shown for three-problems.json: " + problems);

        assertThat(admin.text("#district-import-result")).contains(
                "three-problems.json was rejected: nothing was imported", "these 3 problems")
                .doesNotContain("cedar-valley-spoilt.json");
        assertThat(problems).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("$.schoolYears[0]").contains("colour"))
                .anySatisfy(p -> assertThat(p).startsWith("$.schoolYears[1]").contains("mascot"))
                .anySatisfy(p -> assertThat(p).startsWith("$").contains("extra"));
        assertNoCheckMark();
        admin.accessibility("district-data-rejected");
    }

    /** The upload's file input (inside vaadin-upload's light DOM or shadow root). */
    private WebElement fileInput() {
        return admin.until(SHORT, "the upload's file input", d -> (WebElement) admin.js("""
                const upload = document.querySelector('#district-import');
                return upload.querySelector('input[type=file]')
                    || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]')) || null;
                """));
    }

    /** Waits for the outcome of {@code file} and returns its problems as shown, one an item. */
    @SuppressWarnings("unchecked")
    private List<String> problemsShown(String file) {
        admin.until(SHORT, "the outcome of " + file, d -> {
            String text = admin.text("#district-import-result");
            return text != null && text.contains(file) ? true : null;
        });
        return (List<String>) admin.js("return [...document.querySelectorAll('#district-import-problems li')]"
                + ".map(li => li.textContent.trim());");
    }

    /** No file row of the upload was ever shown complete without an error (the ✓), nor is one now. */
    @SuppressWarnings("unchecked")
    private void assertNoCheckMark() {
        List<Object> seen = (List<Object>) admin.js("return window.__cascadeFileRows;");
        System.out.println("File rows seen: " + seen);
        assertThat(seen).noneMatch(row -> {
            java.util.Map<String, Object> r = (java.util.Map<String, Object>) row;
            return Boolean.TRUE.equals(r.get("complete")) && String.valueOf(r.get("error")).isEmpty();
        });
        assertThat(admin.js("return document.querySelectorAll('#district-import vaadin-upload-file[complete]"
                + ":not([error])').length;")).isEqualTo(0L);
        assertThat(admin.deep("#district-import-result .cascade-import-rejected")).isNotNull();
        assertThat(admin.deep("#district-import-result .cascade-import-imported")).isNull();
    }

    private static Path upload(String name, String content) throws Exception {
        Path dir = Files.createDirectories(Browser.OUT.resolve("uploads").toAbsolutePath());
        return Files.writeString(dir.resolve(name), content);
    }

    private List<String> requestIds() {
        return jdbc.queryForList("select id::text from " + SCHEMA + ".push_request", String.class);
    }

    private String status(String request) {
        return jdbc.queryForObject("select status from " + SCHEMA + ".push_request where id = ?::uuid", String.class,
                request);
    }

    private long masters() {
        return jdbc.queryForObject("select count(*) from " + SCHEMA + ".course_master", Long.class);
    }
}
