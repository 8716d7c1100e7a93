package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: Swagger UI at {@code /api/docs} in Chromium, behind the dev sign-in form: a visitor lands on the form,
 * {@code lakeside.viewer} signs in and sees the Cascade API's operations rendered from {@code /v3/api-docs}, tag by
 * tag, with nothing refused by the app's Content-Security-Policy and nothing else in the browser console; and with a
 * demo user's name and password under "Authorize" (basicAuth), "Try it out" calls the API from the page.
 * Screenshots: {@code target/e2e/swagger-*.png}.
 */
class SwaggerUiBrowserE2E extends DemoBrowserJourney {

    Browser viewer;
    /** Console lines logged before Swagger UI was opened (the sign-in form's). */
    int before;

    @BeforeAll
    void openABrowser() {
        viewer = new Browser("swagger").desktop();
        browsers.add(viewer);
    }

    @Test
    @Order(1)
    void a_visitor_of_the_api_docs_is_sent_to_the_sign_in_form() {
        viewer.driver.get(base() + "/api/docs");

        viewer.await("vaadin-login-form", SHORT);
        assertThat(viewer.driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    @Order(2)
    void a_signed_in_viewer_sees_every_tool_and_its_operations() {
        viewer.devSignIn(base(), "lakeside.viewer");
        before = lines().size();
        viewer.driver.get(base() + "/api/docs");

        viewer.until(SHORT, "the operations to render", d -> Boolean.TRUE.equals(viewer.js(
                "return document.querySelectorAll('.opblock').length > 5;")) ? true : null);
        viewer.screenshot("operations");

        assertThat(viewer.driver.getCurrentUrl()).endsWith("/api/swagger-ui/index.html");
        assertThat(viewer.text(".info .title")).contains("Cascade API");
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) viewer.js(
                "return [...document.querySelectorAll('.opblock-tag')].map(t => t.getAttribute('data-tag'));");
        assertThat(tags).contains("Push requests", "Catalogs", "District exchange");
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) viewer.js(
                "return [...document.querySelectorAll('.opblock-summary-path')].map(p => p.textContent);");
        assertThat(paths).anySatisfy(path -> assertThat(path).contains("/api/v1/pushes"));
        assertThat(viewer.pageText()).contains("Authorize");
    }

    @Test
    @Order(3)
    void the_page_loads_with_a_clean_console() {
        List<String> console = lines();

        assertThat(console.subList(before, console.size())).as("the browser console of Swagger UI")
                .noneMatch(line -> line.contains("Content Security Policy"))
                .noneMatch(line -> line.contains("SEVERE"))
                .noneMatch(line -> line.contains("WARNING"));
    }

    @Test
    @Order(4)
    void authorized_with_basic_a_try_it_out_call_answers_the_districts_school_years() {
        viewer.userClick(viewer.await(".auth-wrapper .authorize", SHORT));
        WebElement user = viewer.await(".modal-ux input[type='text']", SHORT);
        user.sendKeys("lakeside.viewer");
        viewer.await(".modal-ux input[type='password']", SHORT).sendKeys("demo");
        viewer.userClick(viewer.await(".modal-ux .auth-btn-wrapper .authorize", SHORT));
        viewer.awaitText(".modal-ux .auth-btn-wrapper button", "Logout", SHORT);
        viewer.userClick(viewer.await(".modal-ux .btn-done", SHORT));

        viewer.userClick(viewer.await("#operations-Catalogs-schoolYears .opblock-summary-control", SHORT));
        viewer.userClick(viewer.await("#operations-Catalogs-schoolYears .try-out__btn", SHORT));
        viewer.userClick(viewer.await("#operations-Catalogs-schoolYears .execute", SHORT));

        String answer = "#operations-Catalogs-schoolYears .live-responses-table .response ";
        String status = viewer.until(SHORT, "the call's answer", d -> viewer.text(answer + ".response-col_status"));
        viewer.screenshot("try-it-out");
        assertThat(status.strip()).isEqualTo("200");
        assertThat(viewer.text(answer + ".response-col_description")).contains("26-27");
        assertThat(lines().subList(before, lines().size())).noneMatch(line -> line.contains("SEVERE"));
    }

    /** Everything the console logged so far (also saved to target/e2e/swagger-console.log). */
    private List<String> lines() {
        try {
            return Files.readAllLines(viewer.saveConsole());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
