package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15: a fresh regional.admin (district admin and push admin of Lakeside and Cedar Valley) gets from the
 * sign-in form to a completed push of the second district, Cedar Valley, by clicking only: no URL is typed (no
 * {@code driver.get}) after the sign-in page. Screenshots: {@code target/e2e/regional-admin-*.png}.
 */
class RegionalAdminBrowserE2E extends DemoBrowserJourney {

    static final String CATALOG = "High School Catalog";
    static final String OVERWRITE = "Overwrite existing course and section level data";

    Browser regional;
    boolean inCedarValley;
    boolean onPushTool;
    boolean pushed;

    @BeforeAll
    void sign_in() {
        regional = signedIn("regional-admin", "regional.admin");
    }

    @Test
    @Order(1)
    void a_user_of_two_districts_is_asked_to_choose_one_first() {
        regional.await("#choose-cedar-valley", SHORT);
        assertThat(regional.driver.getCurrentUrl()).endsWith("/choose-district");
        assertThat(regional.pageText()).contains("Choose a district", "Lakeside Unified School District",
                "Cedar Valley Public Schools");
        regional.screenshot("choose-district");
        regional.accessibility("choose-district");
    }

    @Test
    @Order(2)
    void clicking_cedar_valley_enters_the_app_in_cedar_valley() {
        regional.userClick(regional.await("#choose-cedar-valley", SHORT));
        regional.until(SHORT, "the app, past Choose a district",
                d -> d.getCurrentUrl().contains("choose-district") ? null : true);
        regional.until(SHORT, "the header naming Cedar Valley", d -> String.valueOf(regional.text("#header-district"))
                .contains("Cedar Valley Public Schools") ? true : null);
        regional.await("#main-nav", SHORT);
        regional.settled(SHORT);
        regional.screenshot("in-cedar-valley");
        assertNoLakesideData(regional.pageText());
        inCedarValley = true;
    }

    @Test
    @Order(3)
    void the_side_navigation_opens_push_all_course_masters_with_the_catalog_chosen() {
        assumeTrue(inCedarValley, "step 2 entered Cedar Valley");
        navigate(regional, "push-all-course-masters", "#push-all-course-masters");
        regional.until(SHORT, "the year and the only catalog preselected", d -> CATALOG.equals(regional.js(
                "const i = document.querySelector('#push-catalog input'); return i ? i.value : null;")) ? true : null);
        WebElement overwrite = regional.awaitText("#push-mode vaadin-radio-button", OVERWRITE, SHORT);
        regional.userClick(overwrite.findElement(org.openqa.selenium.By.cssSelector("label")));
        regional.until(SHORT, "Overwrite chosen", d -> Boolean.TRUE.equals(
                regional.js("return arguments[0].checked;", overwrite)) ? true : null);
        regional.screenshot("push-form-overwrite");
        assertThat(regional.text("#header-district")).contains("Cedar Valley");
        assertNoLakesideData(regional.pageText());
        onPushTool = true;
    }

    @Test
    @Order(4)
    void run_now_with_the_overwrite_confirmation_completes_in_the_queue() {
        assumeTrue(onPushTool, "step 3 opened the push tool");
        regional.userClick(regional.await("#push-run-now", SHORT));
        regional.await("#overwrite-confirm", SHORT);
        regional.screenshot("overwrite-confirmation");
        regional.userClick(regional.awaitText("vaadin-button", "Overwrite", SHORT));
        String cells = regional.until(PUSH, "the queue row to reach Completed", d -> {
            String now = queueStatuses(regional);
            return now.startsWith("Completed") || now.startsWith("Failed") ? now : null;
        });
        regional.screenshot("push-completed");
        assertThat(cells).startsWith("Completed");
        assertThat(gridRows(regional, regional.await("#queue-grid", SHORT)).getFirst())
                .contains(CATALOG, "26-27", OVERWRITE);
        assertNoLakesideData(regional.pageText());
        pushed = true;
    }

    @Test
    @Order(5)
    void on_a_phone_the_push_tool_and_its_queue_read_top_to_bottom() {
        assumeTrue(pushed, "step 4 completed the push");
        regional.phone();
        regional.settled(SHORT);
        regional.screenshot("phone-push-form");
        regional.js("document.getElementById('queue-grid').scrollIntoView({block: 'start'});");
        regional.screenshot("phone-queue");
        regional.accessibility("phone-push-tool");
        regional.desktop();
    }
}
