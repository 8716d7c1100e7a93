package app.cascade.security.sso;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * {@link Browser} (package-private here) for the journeys in {@code app.cascade.e2e}: the same browser, its methods
 * delegated as they are. Once {@code Browser} itself lives where those journeys can use it, this class goes.
 */
public final class BrowserForE2e implements AutoCloseable {

    private final Browser browser;

    public BrowserForE2e(String name) {
        this.browser = new Browser(name);
    }

    public ChromeDriver driver() {
        return browser.driver;
    }

    public <T> T until(Duration timeout, String what, Function<WebDriver, T> condition) {
        return browser.until(timeout, what, condition);
    }

    public Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    public WebElement deep(String selector) {
        return browser.deep(selector);
    }

    public WebElement deepWithText(String selector, String text) {
        return browser.deepWithText(selector, text);
    }

    public WebElement await(String selector, Duration timeout) {
        return browser.await(selector, timeout);
    }

    public WebElement awaitText(String selector, String text, Duration timeout) {
        return browser.awaitText(selector, text, timeout);
    }

    public void settled(Duration timeout) {
        browser.settled(timeout);
    }

    public void click(WebElement element) {
        browser.click(element);
    }

    public void userClick(WebElement element) {
        browser.userClick(element);
    }

    public String text(String selector) {
        return browser.text(selector);
    }

    public String pageText() {
        return browser.pageText();
    }

    public Path screenshot(String label) {
        return browser.screenshot(label);
    }

    @Override
    public void close() {
        browser.close();
    }
}
