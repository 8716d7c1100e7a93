package app.cascade.e2e;

import app.cascade.security.sso.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the demo users' browser journeys share: the app with both demo districts (Lakeside, Cedar Valley) and the dev
 * users of application.yml (profile {@code browser-demo}, dev-mode sign-in form, no Keycloak), one Spring context for
 * every journey class (same configuration, no dirtied context), and one browser per class. A failed step keeps a
 * screenshot and the console log of every open browser in {@code target/e2e/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("browser-demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DemoBrowserJourney {

    static final Duration SHORT = Duration.ofSeconds(30);
    static final Duration PUSH = Duration.ofMinutes(3);
    /** Things only Lakeside has: its name and its schools' codes and names. */
    static final List<String> LAKESIDE_MARKERS = List.of("Lakeside", "North Shore", "LHS", "LMS", "LNA");

    @LocalServerPort
    int port;

    final List<Browser> browsers = new ArrayList<>();

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String step = context.getRequiredTestMethod().getName();
            for (Browser browser : browsers) {
                Path shot = browser.screenshot("FAILED-" + step);
                Path log = browser.saveConsole();
                System.err.println("Step " + step + " failed: kept " + shot + " and " + log);
            }
        }
    };

    String base() {
        return "http://localhost:" + port;
    }

    /** A new browser at 1440×900, signed in as {@code username} on the dev form. */
    Browser signedIn(String name, String username) {
        Browser browser = new Browser(name).desktop();
        browsers.add(browser);
        browser.devSignIn(base(), username);
        return browser;
    }

    @AfterAll
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    /** Clicks (a user's click) the side navigation's entry for {@code path} and waits for the view's element. */
    static void navigate(Browser browser, String path, String viewSelector) {
        WebElement item = browser.await("vaadin-side-nav-item[path='" + path + "']", SHORT);
        // a user's click in the middle of the item's own link (the middle of a group such as Reports is a child)
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) browser.js("""
                const link = arguments[0].shadowRoot.querySelector('[part="link"]');
                link.scrollIntoView({block: 'center'});
                const box = link.getBoundingClientRect();
                return {x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2)};
                """, item);
        new Actions(browser.driver).moveToLocation(((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue())
                .click().perform();
        browser.await(viewSelector, SHORT);
        browser.settled(SHORT);
    }

    /**
     * Clicks (a user's click) the first cell of the first row of {@code grid}, once the grid has rows, and waits
     * for Vaadin to settle: the grid selects that row.
     */
    static void selectFirstRow(Browser browser, String grid) {
        WebElement cell = browser.until(SHORT, "a first row in " + grid, d -> (WebElement) browser.js("""
                const grid = document.querySelector(arguments[0]);
                if (!grid || !grid.size || grid.hasAttribute('loading')) return null;
                const row = [...grid.shadowRoot.querySelectorAll('#items tr')].find(tr => tr.index === 0);
                const slot = row && row.querySelector('td slot');
                const content = slot && slot.assignedElements()[0];
                return content && content.textContent.trim() ? content : null;
                """, grid));
        browser.userClick(cell);
        browser.settled(SHORT);
    }

    /** Every row of a Vaadin grid as "cell | cell | …" (all rows rendered, cells read through their slots). */
    static List<String> gridRows(Browser browser, WebElement grid) {
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

    /** The status cells of the Batch Queue List, newest first, joined by " | ". */
    static String queueStatuses(Browser browser) {
        Object cells = browser.js("return [...document.querySelectorAll('#queue-grid .cascade-status-cell')]"
                + ".map(c => c.textContent.trim()).join(' | ');");
        return cells == null ? "" : cells.toString();
    }

    static void assertNoLakesideData(String text) {
        for (String marker : LAKESIDE_MARKERS) {
            assertThat(text).as("Cedar Valley's page").doesNotContain(marker);
        }
    }
}
