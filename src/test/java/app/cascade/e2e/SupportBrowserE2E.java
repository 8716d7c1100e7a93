package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the journey of {@code support}: the Support view reads the requests of the last 24 hours in words, the
 * jobs dashboard opens in a tab of its own (the Support view stays open as the way back), and the dashboard loads with
 * nothing refused by the Content-Security-Policy and no sign-in redirect loop in the browser console. Screenshots:
 * {@code target/e2e/support-*.png}.
 */
class SupportBrowserE2E extends DemoBrowserJourney {

    /** Bookkeeping rows only (no push runs): what Lakeside's last 24 hours look like to support. */
    private static final String REQUESTS = """
            insert into district_lakeside.push_request (id, kind, catalog_id, school_year_id, mode, to_sections,
                data_types, status, submitted_by, submitted_at, scheduled_at, finished_at, message)
            select gen_random_uuid(), 'CATALOG', (select min(id) from district_lakeside.course_catalog),
                (select max(id) from district_lakeside.school_year), 'PUSH_LOCKED', false, '{CATEGORIES}', status,
                'lakeside.push', now() - interval '1 hour', now() - interval '1 hour', now() - interval '50 minutes',
                'support journey'
            from unnest(array['CANCELLED', 'CANCELLED', 'CANCELLED', 'COMPLETED_WITH_WARNINGS',
                              'COMPLETED_WITH_WARNINGS']) as status
            """;

    @Autowired
    JdbcTemplate jdbc;

    Browser support;
    String supportTab;

    @BeforeAll
    void signIn() {
        jdbc.update(REQUESTS);
        support = signedIn("support", "support");
    }

    @AfterAll
    void removeTheRequests() {
        jdbc.update("delete from district_lakeside.push_request where message = 'support journey'");
    }

    /** What the console logged so far (also saved to target/e2e/support-console.log). */
    private List<String> console() throws IOException {
        return Files.readAllLines(support.saveConsole());
    }

    @Test
    @Order(1)
    void support_lands_on_the_districts_view_with_the_requests_of_24_hours_in_words() throws IOException {
        support.await("#districts-grid", SHORT);
        support.settled(SHORT);
        support.screenshot("districts");

        WebElement grid = support.await("#districts-grid", SHORT);
        List<String> rows = gridRows(support, grid);
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("Lakeside Unified School District")
                .contains("| 2 completed with warnings, 3 cancelled |"));
        assertThat(String.join("\n", rows)).doesNotContain("{", "=", "COMPLETED_WITH_WARNINGS", "CANCELLED");
        assertThat(console()).noneMatch(line -> line.contains("favicon.ico") && line.contains("404"));
    }

    @Test
    @Order(2)
    void the_jobs_dashboard_link_opens_a_new_tab_and_the_support_view_stays_open() {
        WebElement link = support.await("#open-jobs-dashboard", SHORT);
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener");
        supportTab = support.driver.getWindowHandle();

        support.userClick(link);

        support.until(SHORT, "a second tab", d -> d.getWindowHandles().size() == 2 ? true : null);
        Set<String> tabs = support.driver.getWindowHandles();
        String dashboardTab = tabs.stream().filter(t -> !t.equals(supportTab)).findFirst().orElseThrow();
        support.driver.switchTo().window(dashboardTab);
        support.until(SHORT, "the dashboard's overview", d -> d.getCurrentUrl().contains("/dashboard/") ? true : null);
    }

    @Test
    @Order(3)
    void the_dashboard_loads_with_no_csp_refusal_and_no_sign_in_redirect_loop() throws IOException {
        support.until(SHORT, "the dashboard to render its jobs overview", d ->
                support.pageText().contains("Estimated processing time") ? true : null);
        // its job counts come over server-sent events (/sse/jobstats), relayed by the proxy as they come
        support.until(SHORT, "the dashboard's job counts", d ->
                !support.pageText().contains("Processed ? jobs") ? true : null);
        support.settled(SHORT);
        support.screenshot("jobs-dashboard");

        assertThat(support.driver.getCurrentUrl()).doesNotContain("jsessionid").doesNotContain("/login");
        assertThat(console()).as("the browser console of the dashboard")
                .noneMatch(line -> line.contains("Content Security Policy"))
                .noneMatch(line -> line.contains("jsessionid"))
                .noneMatch(line -> line.contains("ERR_TOO_MANY_REDIRECTS"))
                .noneMatch(line -> line.contains("SEVERE"));
    }

    @Test
    @Order(4)
    void the_support_tab_is_still_there_to_go_back_to() {
        support.driver.switchTo().window(supportTab);
        support.await("#districts-grid", SHORT);
        support.screenshot("back-on-districts");
        assertThat(support.driver.getCurrentUrl()).endsWith("/support/districts");
    }

    @Test
    @Order(5)
    void the_filter_finds_a_district_by_part_of_its_name() {
        WebElement input = support.await("#districts-filter input", SHORT);
        input.sendKeys("lakes");
        WebElement grid = support.await("#districts-grid", SHORT);
        support.until(SHORT, "the grid to show one district",
                d -> ((Number) support.js("return arguments[0].size;", grid)).intValue() == 1);
        support.screenshot("districts-filtered");
        assertThat(gridRows(support, grid)).singleElement()
                .satisfies(row -> assertThat(row).startsWith("Lakeside Unified School District"));
    }
}
