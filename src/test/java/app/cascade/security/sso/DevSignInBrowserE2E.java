package app.cascade.security.sso;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, dev-mode sign-in in a real browser: the form posts Spring's CSRF token (login CSRF is refused, see
 * DevSignInIT), the right password signs in, and five wrong ones lock the user out of the form with a message that
 * says so. Screenshots: {@code target/e2e/dev-sign-in-*.png}.
 */
// a first lock-out long enough to outlast a page load on a busy machine (DevSignInIT tests the 1 s default)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cascade.security.sign-in.first-lockout=2m")
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevSignInBrowserE2E {

    static final Duration WAIT = Duration.ofSeconds(30);
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void open() {
        browser = new Browser("dev-sign-in");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private void submit(String username, String password) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get("http://localhost:" + port + "/login");
        browser.settled(WAIT);
        WebElement user = browser.await("input[name='username']", WAIT);
        WebElement secret = browser.await("input[name='password']", WAIT);
        user.clear();
        user.sendKeys(username);
        secret.clear();
        secret.sendKeys(password);
        browser.click(browser.await("vaadin-button[slot='submit'], vaadin-button[theme~='submit']", WAIT));
        browser.settled(WAIT);
    }

    @Test
    @Order(1)
    void the_form_signs_a_demo_user_in_with_its_csrf_token() {
        submit("alpha.viewer", "demo");
        browser.until(WAIT, "signed in, away from /login", d -> d.getCurrentUrl().contains("/login") ? null : true);
        browser.awaitPageText(WAIT, "Alpha Viewer");
        browser.screenshot("signed-in");
    }

    @Test
    @Order(2)
    void five_wrong_passwords_lock_the_form_and_it_says_why() {
        for (int i = 0; i < 5; i++) {
            submit("alpha.admin", "wrong-" + i);
            browser.until(WAIT, "back on the sign-in page with an error",
                    d -> d.getCurrentUrl().contains("/login?error") ? true : null);
        }
        submit("alpha.admin", "demo");
        browser.until(WAIT, "the lock-out message", d -> browser.pageText().contains("Too many failed sign-ins")
                ? true : null);
        browser.screenshot("locked-out");
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
    }
}
