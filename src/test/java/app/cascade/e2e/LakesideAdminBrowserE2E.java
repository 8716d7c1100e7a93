package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the journey of {@code lakeside.admin} (a district admin of the Lakeside demo district) through the
 * catalog screens in headless Chromium: Course Masters (the list fills its panel; a calc option's method and term
 * come from lists, a term some calendars lack names them, a refusal marks the field), Copy (the copy opens and the
 * message names it), Courses at 1440 px (Link state in view, a composite as "QTR Q1 50 % + QTR Q2 50 %" in a row of
 * normal height), the Ignore Master Push confirmation in the UI's words, Awaiting Push, and Courses on a phone
 * (390×844: the list above the details). Nothing here relies on push rights. Screenshots:
 * {@code target/e2e/lakeside-admin-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cascade.tenants.dir=tenants",
        "cascade.demo-data.enabled=true",
        // the it profile lists its own test users: this journey's demo user, as application.yml defines it
        "cascade.security.dev-users[0].username=lakeside.admin",
        "cascade.security.dev-users[0].name=Marcus Bell",
        "cascade.security.dev-users[0].roles[0]=DISTRICT_ADMIN",
        "cascade.security.dev-users[0].districts[0]=lakeside"})
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LakesideAdminBrowserE2E {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** A number no earlier run used, since the demo district survives between runs of the same database. */
    static final String COPY_NUMBER = "ENG101-C" + Long.toString(System.currentTimeMillis() % 100000);
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void open() {
        browser = new Browser("lakeside-admin");
        browser.driver.manage().window().setSize(new Dimension(1440, 900));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private void go(String path) {
        browser.driver.get("http://localhost:" + port + path);
        browser.settled(WAIT);
    }

    private void signedIn() {
        if (!browser.driver.getCurrentUrl().contains("localhost:" + port)
                || browser.driver.getCurrentUrl().contains("/login")) {
            go("/login");
            browser.await("input[name='username']", WAIT).sendKeys("lakeside.admin");
            browser.await("input[name='password']", WAIT).sendKeys("demo");
            browser.click(browser.await("vaadin-button[slot='submit'], vaadin-button[theme~='submit']", WAIT));
            browser.settled(WAIT);
            browser.until(WAIT, "signed in", d -> d.getCurrentUrl().contains("/login") ? null : true);
        }
    }

    /** The element's box: top, bottom, left, right, height, width. */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> box(WebElement element) {
        return (Map<String, Number>) browser.js("const r = arguments[0].getBoundingClientRect();"
                + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,"
                + " width: r.width};", element);
    }

    private static void clickCell(String text) {
        browser.click(browser.until(WAIT, "a grid cell " + text,
                d -> browser.deepWithText("vaadin-grid-cell-content", text)));
        browser.settled(WAIT);
    }

    /** Types into a combo box's input and picks the first match. */
    private static void choose(String comboId, String text) {
        WebElement input = browser.await("#" + comboId + " input", WAIT);
        input.clear();
        input.sendKeys(text);
        browser.settled(WAIT);
        browser.until(WAIT, "the " + comboId + " overlay lists " + text,
                d -> browser.deep("vaadin-combo-box-item"));
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ENTER);
        browser.settled(WAIT);
    }

    @Test
    @Order(1)
    void the_masters_list_fills_its_panel() {
        signedIn();
        go("/masters");
        WebElement grid = browser.await("#masters-grid", WAIT);
        clickCell("ENG101");
        browser.until(WAIT, "ENG101 shown", d -> browser.text("#master-title") != null
                && browser.text("#master-title").startsWith("ENG101") ? true : null);
        browser.screenshot("masters");
        WebElement split = browser.deep("vaadin-split-layout.cascade-split");
        assertThat(box(grid).get("height").doubleValue()).as("the grid fills the split's height")
                .isGreaterThan(box(split).get("height").doubleValue() - 4);
    }

    @Test
    @Order(2)
    void a_calc_option_takes_its_method_and_term_from_lists_and_a_term_some_calendars_lack_names_them() {
        browser.click(browser.until(WAIT, "the Grade Calc Options tab", d -> (WebElement) browser.js("""
                return [...document.querySelectorAll('#master-tabs vaadin-tab')]
                  .find(t => t.textContent.trim().startsWith('Grade Calc Options')) || null;""")));
        browser.settled(WAIT);
        browser.click(browser.await("#item-add-calc-option", WAIT));
        browser.settled(WAIT);
        browser.await("#item-dialog", WAIT);

        browser.click(browser.await("#item-calc-method", WAIT));
        browser.settled(WAIT);
        String methods = browser.until(WAIT, "the method list", d -> (String) browser.js(
                "const items = [...document.querySelectorAll('vaadin-select-list-box vaadin-select-item')]"
                        + ".map(i => i.textContent.trim())"
                        + ".filter(t => t); return items.length ? items.join('|') : null;"));
        browser.screenshot("calc-methods");
        assertThat(methods).isEqualTo("Points|Category Weighted|Composite|No Calculation");
        browser.click(browser.awaitText("vaadin-select-item", "Points", WAIT));
        browser.settled(WAIT);

        WebElement term = browser.await("#item-term-code input", WAIT);
        term.sendKeys("Q9");
        term.sendKeys(Keys.TAB);
        browser.settled(WAIT);
        assertThat(browser.js("return document.querySelector('#item-term-code').value")).as("Q9 cannot be entered")
                .isEqualTo("");
        browser.screenshot("term-q9-not-accepted");

        browser.await("#item-task-code input", WAIT).sendKeys("QTR", Keys.TAB);
        browser.settled(WAIT);
        browser.click(browser.await("#item-save", WAIT));
        browser.settled(WAIT);
        browser.until(WAIT, "the term marked invalid", d -> Boolean.TRUE.equals(
                browser.js("return document.querySelector('#item-term-code').invalid")) ? true : null);
        assertThat(browser.js("return document.querySelector('#item-term-code').errorMessage"))
                .isEqualTo("Term is required");
        browser.screenshot("term-required-marked");

        choose("item-term-code", "Q1");
        String helper = browser.until(WAIT, "the warning under the term", d -> {
            Object text = browser.js("return document.querySelector('#item-term-code').helperText");
            return text != null && text.toString().startsWith("The calendar") ? text.toString() : null;
        });
        browser.screenshot("term-warning");
        assertThat(helper).startsWith("The calendar North Shore Academy 26-27 has no term Q1");
        browser.click(browser.await("#item-cancel", WAIT));
        browser.settled(WAIT);
    }

    @Test
    @Order(3)
    void copy_opens_the_copy_and_says_what_it_is_named() {
        browser.click(browser.await("#master-copy", WAIT));
        browser.settled(WAIT);
        WebElement number = browser.await("#copy-number input", WAIT);
        number.sendKeys(COPY_NUMBER, Keys.TAB);
        WebElement name = browser.await("#copy-name input", WAIT);
        assertThat(name.getAttribute("value")).isEqualTo("English 9");
        name.sendKeys(Keys.END, " (copy)", Keys.TAB);
        browser.settled(WAIT);
        browser.screenshot("copy-dialog");
        browser.click(browser.await("#copy-save", WAIT));
        browser.settled(WAIT);

        browser.until(WAIT, "the copy shown", d -> (COPY_NUMBER + " – English 9 (copy)")
                .equals(browser.text("#master-title")) ? true : null);
        String toast = browser.until(WAIT, "the copy's toast", d -> (String) browser.js(
                "const card = [...document.querySelectorAll('vaadin-notification-card')]"
                        + ".find(c => c.textContent.includes('Copied')); return card ? card.textContent : null;"));
        browser.screenshot("copy-opened");
        assertThat(toast.trim()).isEqualTo("Copied ENG101 to the new course master " + COPY_NUMBER
                + " \"English 9 (copy)\" in High School Catalog, now shown.");
        assertThat(browser.js("return [...document.querySelectorAll('#masters-grid vaadin-grid-cell-content')]"
                + ".some(c => c.textContent.trim() === arguments[0])", COPY_NUMBER)).isEqualTo(true);
    }

    @Test
    @Order(4)
    void courses_at_1440_show_the_link_state_and_a_composite_as_its_parts_in_a_normal_row() {
        go("/courses");
        choose("school-select", "LHS");
        clickCell("ENG101");
        browser.until(WAIT, "ENG101 shown", d -> browser.text("#course-title") != null ? true : null);
        browser.screenshot("courses-1440");

        WebElement grid = browser.await("#courses-grid", WAIT);
        WebElement header = browser.until(WAIT, "the Link state header",
                d -> browser.deepWithText("vaadin-grid-cell-content", "Link state"));
        assertThat(box(header).get("right").doubleValue()).as("Link state in view")
                .isLessThanOrEqualTo(box(grid).get("right").doubleValue());
        assertThat(box(header).get("width").doubleValue()).isGreaterThan(40);

        String text = browser.pageText();
        assertThat(text).contains("QTR Q1 50 % + QTR Q2 50 %").doesNotContain("taskCode");
        WebElement composite = browser.until(WAIT, "the composite's cell",
                d -> browser.deepWithText("vaadin-grid-cell-content", "QTR Q1 50 % + QTR Q2 50 %"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", composite);
        browser.screenshot("course-setup-composite");
        assertThat(box(composite).get("height").doubleValue()).as("a row of normal height").isLessThan(60);
    }

    @Test
    @Order(5)
    void the_ignore_master_push_confirmation_speaks_the_uis_words() {
        browser.click(browser.await("#ignore-master-push", WAIT));
        browser.settled(WAIT);
        String dialog = browser.until(WAIT, "the confirmation", d -> browser.js(
                "const d = document.querySelector('#ignore-master-push-confirm');"
                        + " return d && d.opened ? d.textContent + ' ' + (d.message || '') : null;")).toString();
        browser.screenshot("ignore-master-push-confirm");
        assertThat(dialog).contains("\"Ignore Master Push\"").doesNotContain("SKIPPED");
        browser.click(browser.await("vaadin-button[slot='cancel-button']", WAIT));
        browser.settled(WAIT);
    }

    @Test
    @Order(6)
    void awaiting_push_lists_the_copy_once_per_item() {
        go("/reports/awaiting-push");
        browser.until(WAIT, "the copy in the report", d -> browser.pageText().contains(COPY_NUMBER) ? true : null);
        browser.screenshot("awaiting-push");
        @SuppressWarnings("unchecked")
        List<String> changes = (List<String>) browser.js("return [...document.querySelectorAll("
                + "'vaadin-grid-cell-content')].map(c => c.textContent.trim())"
                + ".filter(t => t === 'Removed' || t === 'Added' || t === 'Modified')");
        assertThat(changes).isNotEmpty().doesNotContain("Removed");
    }

    @Test
    @Order(7)
    void on_a_phone_courses_stack_the_list_above_the_details() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        go("/courses");
        choose("school-select", "LHS");
        clickCell("ENG101");
        browser.until(WAIT, "ENG101 shown", d -> browser.text("#course-title") != null ? true : null);
        WebElement grid = browser.await("#courses-grid", WAIT);
        WebElement details = browser.await("#course-details", WAIT);
        browser.screenshot("courses-phone");
        browser.js("arguments[0].scrollIntoView({block: 'start'});", details);
        browser.screenshot("courses-phone-details");
        Map<String, Number> list = box(grid);
        Map<String, Number> detail = box(details);
        assertThat(list.get("width").doubleValue()).as("the list takes the width").isGreaterThan(330);
        assertThat(detail.get("width").doubleValue()).as("the details take the width").isGreaterThan(330);
        assertThat(detail.get("top").doubleValue()).as("details below the list")
                .isGreaterThanOrEqualTo(list.get("bottom").doubleValue() - 1);
    }
}
