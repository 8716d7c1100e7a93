package app.cascade.security.sso;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * One headless Chromium driven through Debian's {@code chromedriver}: both paths are given explicitly, so Selenium
 * Manager is never asked to find (or download) a browser or a driver. Each browser gets a fresh profile directory.
 * Screenshots, the console log and downloads go under {@code target/e2e/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("cascade.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("cascade.e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Path OUT = Path.of("target", "e2e");
    static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /**
     * Finds an element by CSS selector in the document and in every open shadow root (Vaadin's overlays and
     * components keep parts of their DOM there).
     */
    static final String DEEP_QUERY = """
            const deepAll = (selector, root) => {
              const found = [...root.querySelectorAll(selector)];
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) found.push(...deepAll(selector, el.shadowRoot));
              }
              return found;
            };
            const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
            """;

    /** Everything Selenium Manager logs: it would only log if Selenium asked it to find or fetch something. */
    private static final List<String> MANAGER_LOG = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.logging.Logger MANAGER_LOGGER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.manager");

    static {
        MANAGER_LOGGER.setLevel(Level.ALL);
        MANAGER_LOGGER.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                MANAGER_LOG.add(record.getLoggerName() + ": " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    final String name;
    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private int shots;

    Browser(String name) {
        this.name = name;
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser e2e needs Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver");
        }
        // the driver path is set explicitly (system property and service): Selenium Manager is not consulted
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        try {
            Files.createDirectories(OUT);
            this.downloads = Files.createDirectories(OUT.resolve("downloads").resolve(name)).toAbsolutePath();
            this.profile = Files.createTempDirectory("cascade-e2e-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1600,1200");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                // a PDF link downloads instead of opening the viewer; a second download needs no permission prompt
                "plugins.always_open_pdf_externally", true,
                "profile.default_content_setting_values.automatic_downloads", 1,
                "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(OUT.resolve(name + "-chromedriver.log").toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        if (!MANAGER_LOG.isEmpty()) {
            driver.quit();
            throw new IllegalStateException("Selenium Manager was consulted (it may download browsers): " + MANAGER_LOG);
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(150));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    <T> T until(Duration timeout, String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = waiting(timeout);
        wait.withMessage(what);
        return wait.until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The first visible element matching {@code selector}, looking into shadow roots too; null if none. */
    WebElement deep(String selector) {
        return (WebElement) js(DEEP_QUERY + "return deepAll(arguments[0], document).find(visible) || null;",
                selector);
    }

    /** The first visible element matching {@code selector} whose trimmed text is {@code text}; null if none. */
    WebElement deepWithText(String selector, String text) {
        return (WebElement) js(DEEP_QUERY + "return deepAll(arguments[0], document).find(el => visible(el)"
                + " && el.textContent.trim() === arguments[1]) || null;", selector, text);
    }

    WebElement await(String selector, Duration timeout) {
        return until(timeout, "element " + selector + " in " + name, d -> deep(selector));
    }

    WebElement awaitText(String selector, String text, Duration timeout) {
        return until(timeout, selector + " with text '" + text + "' in " + name, d -> deepWithText(selector, text));
    }

    /** Waits until the page has loaded and Vaadin's client has no request in flight. */
    void settled(Duration timeout) {
        until(timeout, "the page to settle in " + name, d -> Boolean.TRUE.equals(js("""
                if (document.readyState !== 'complete' || !document.body || !document.body.innerText.trim()) {
                  return false;
                }
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !clients || Object.values(clients).every(c => !c.isActive || !c.isActive());
                """)) ? true : null);
    }

    /** Clicks through the element's own click(), which Vaadin's components handle like a user's click. */
    void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** The text of the first element matching {@code selector}, visible or not (shadow roots too); null if none. */
    String text(String selector) {
        return (String) js(DEEP_QUERY + "const el = deepAll(arguments[0], document)[0];"
                + " return el ? el.textContent : null;", selector);
    }

    /** A user's click (trusted by the browser, e.g. for downloads), with the element scrolled into view first. */
    void userClick(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The text a user can read on the page, shadow roots included (Vaadin overlays). */
    String pageText() {
        return (String) js(DEEP_QUERY + """
                const parts = [document.body.innerText];
                for (const el of deepAll('*', document)) {
                  if (el.shadowRoot) parts.push(el.shadowRoot.textContent || '');
                }
                return parts.join('\\n');
                """);
    }

    /** Saves {@code target/e2e/<name>-NN-<label>.png} and returns it. */
    Path screenshot(String label) {
        shots++;
        Path file = OUT.resolve("%s-%02d-%s.png".formatted(name, shots, label));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("Screenshot " + file + " failed: " + e);
        }
        return file;
    }

    /** Appends what the browser console logged since the last call to {@code target/e2e/<name>-console.log}. */
    Path saveConsole() {
        Path file = OUT.resolve(name + "-console.log");
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                console.add(Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " "
                        + entry.getMessage());
            }
        } catch (RuntimeException e) {
            console.add("(console log unavailable: " + e + ")");
        }
        try {
            Files.write(file, console);
        } catch (IOException e) {
            System.err.println("Console log " + file + " failed: " + e);
        }
        return file;
    }

    /** Waits for a finished download whose name ends with {@code suffix} (Chrome writes .crdownload first). */
    Path awaitDownload(String suffix, Duration timeout) {
        return until(timeout, "a downloaded *" + suffix + " in " + downloads, d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                        .filter(f -> !Files.exists(f.resolveSibling(f.getFileName() + ".crdownload")))
                        .filter(f -> {
                            try {
                                return Files.size(f) > 0;
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    void cleanDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        saveConsole();
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory: the OS cleans it eventually
            }
        }
    }
}
