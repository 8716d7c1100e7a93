package app.cascade.security.sso;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
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
import java.nio.file.StandardOpenOption;
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
 * Screenshots, the console log, downloads and the accessibility (axe-core) results go under {@code target/e2e/}.
 * Journeys in other packages (app.cascade.e2e) use it too.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("cascade.e2e.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("cascade.e2e.chromedriver", "/usr/bin/chromedriver"));
    public static final Path OUT = Path.of("target", "e2e");
    static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /**
     * Finds an element by CSS selector in the document and in every open shadow root (Vaadin's overlays and
     * components keep parts of their DOM there).
     */
    public static final String DEEP_QUERY = """
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

    public final String name;
    public final ChromeDriver driver;
    public final Path downloads;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private int shots;

    public Browser(String name) {
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

    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(150));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    public <T> T until(Duration timeout, String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = waiting(timeout);
        wait.withMessage(what);
        return wait.until(condition);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The first visible element matching {@code selector}, looking into shadow roots too; null if none. */
    public WebElement deep(String selector) {
        return (WebElement) js(DEEP_QUERY + "return deepAll(arguments[0], document).find(visible) || null;",
                selector);
    }

    /** The first visible element matching {@code selector} whose trimmed text is {@code text}; null if none. */
    public WebElement deepWithText(String selector, String text) {
        return (WebElement) js(DEEP_QUERY + "return deepAll(arguments[0], document).find(el => visible(el)"
                + " && el.textContent.trim() === arguments[1]) || null;", selector, text);
    }

    public WebElement await(String selector, Duration timeout) {
        return until(timeout, "element " + selector + " in " + name, d -> deep(selector));
    }

    public WebElement awaitText(String selector, String text, Duration timeout) {
        return until(timeout, selector + " with text '" + text + "' in " + name, d -> deepWithText(selector, text));
    }

    /** Waits until the page has loaded and Vaadin's client has no request in flight. */
    public void settled(Duration timeout) {
        until(timeout, "the page to settle in " + name, d -> Boolean.TRUE.equals(js("""
                if (document.readyState !== 'complete' || !document.body || !document.body.innerText.trim()) {
                  return false;
                }
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !clients || Object.values(clients).every(c => !c.isActive || !c.isActive());
                """)) ? true : null);
    }

    /** Clicks through the element's own click(), which Vaadin's components handle like a user's click. */
    public void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** The text of the first element matching {@code selector}, visible or not (shadow roots too); null if none. */
    public String text(String selector) {
        return (String) js(DEEP_QUERY + "const el = deepAll(arguments[0], document)[0];"
                + " return el ? el.textContent : null;", selector);
    }

    /** A user's click (trusted by the browser, e.g. for downloads), with the element scrolled into view first. */
    public void userClick(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The text a user can read on the page, shadow roots included (Vaadin overlays). */
    public String pageText() {
        return (String) js(DEEP_QUERY + """
                const parts = [document.body.innerText];
                for (const el of deepAll('*', document)) {
                  if (el.shadowRoot) parts.push(el.shadowRoot.textContent || '');
                }
                return parts.join('\\n');
                """);
    }

    /**
     * Waits until the text a user can read contains every one of {@code texts} and returns it; a timeout names the
     * texts still missing and what the page showed (a view renders after its address changes).
     */
    public String awaitPageText(Duration timeout, String... texts) {
        String[] last = {""};
        try {
            return until(timeout, "page text in " + name, d -> {
                last[0] = String.valueOf(pageText());
                return java.util.Arrays.stream(texts).allMatch(last[0]::contains) ? last[0] : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            List<String> missing = java.util.Arrays.stream(texts).filter(t -> !last[0].contains(t)).toList();
            throw new AssertionError("After " + timeout + " the page in " + name + " still lacks " + missing
                    + "; it showed:\n" + last[0], e);
        }
    }

    /** Saves {@code target/e2e/<name>-NN-<label>.png} and returns it. */
    public Path screenshot(String label) {
        shots++;
        Path file = OUT.resolve("%s-%02d-%s.png".formatted(name, shots, label.replaceAll("[^A-Za-z0-9._-]+", "-")));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("Screenshot " + file + " failed: " + e);
        }
        return file;
    }

    /** Appends what the browser console logged since the last call to {@code target/e2e/<name>-console.log}. */
    public Path saveConsole() {
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
    public Path awaitDownload(String suffix, Duration timeout) {
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

    public void cleanDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Viewports, signing in, the keyboard and accessibility (issue 15)

    /** WCAG 2.1 A and AA: the rule tags axe checks. */
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** The moderate violations of every check of this run, one a line: reviewed in decision 0017. */
    public static final Path AXE_MODERATE = OUT.resolve("axe-moderate.txt");
    private static final Object MODERATE_LOCK = new Object();
    private static boolean moderateStarted;

    /** A phone: 390×844 CSS pixels (the viewport, exactly, also for screenshots). */
    public Browser phone() {
        return viewport(390, 844, true);
    }

    /** A desktop: 1440×900 CSS pixels. */
    public Browser desktop() {
        return viewport(1440, 900, false);
    }

    private Browser viewport(int width, int height, boolean mobile) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    /** Signs {@code username} in on the dev-mode form of the app at {@code base} and waits to leave the form. */
    public void devSignIn(String base, String username) {
        // leave the app first: a page still open could reconnect and start a session whose token the form lacks
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(base + "/login");
        settled(Duration.ofSeconds(30));
        WebElement user = await("input[name='username']", Duration.ofSeconds(30));
        WebElement secret = await("input[name='password']", Duration.ofSeconds(30));
        user.clear();
        user.sendKeys(username);
        secret.clear();
        secret.sendKeys(System.getProperty("cascade.e2e.dev-password", "demo"));
        secret.sendKeys(Keys.ENTER);
        until(Duration.ofSeconds(30), username + " signed in, away from /login",
                d -> d.getCurrentUrl().contains("/login") ? null : true);
        settled(Duration.ofSeconds(30));
    }

    /** Presses keys as a user would, on whatever has the focus. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * The focused element, followed through shadow roots (a grid's focused cell, a dialog's button), as
     * {@code tag#id "label"}; the element itself with {@link #focusedElement()}.
     */
    public String focused() {
        return (String) js(DEEPEST_FOCUS + """
                const el = focusedDeep();
                if (!el) return '(nothing)';
                const host = el.closest('[id]');
                const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent)
                    || el.textContent || '';
                return el.tagName.toLowerCase() + (host ? '#' + host.id : '') + ' "' + label.trim().slice(0, 60) + '"';
                """);
    }

    public WebElement focusedElement() {
        return (WebElement) js(DEEPEST_FOCUS + "return focusedDeep();");
    }

    /**
     * Presses Tab (or Shift+Tab) until the focused element lies inside an element matching {@code selector} (in the
     * light DOM of its component, e.g. the input of {@code #push-year}); fails after {@code max} presses.
     */
    public WebElement tabTo(String selector, int max, boolean backwards) {
        for (int i = 0; i <= max; i++) {
            WebElement hit = (WebElement) js(DEEPEST_FOCUS + """
                    let el = focusedDeep();
                    while (el) {
                      if (el.matches && el.matches(arguments[0])) return el;
                      el = el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
                    }
                    return null;
                    """, selector);
            if (hit != null) {
                return hit;
            }
            if (backwards) {
                press(Keys.chord(Keys.SHIFT, Keys.TAB));
            } else {
                press(Keys.TAB);
            }
        }
        throw new AssertionError("Tab did not reach " + selector + " in " + max + " presses in " + name
                + "; the focus is on " + focused());
    }

    public WebElement tabTo(String selector) {
        return tabTo(selector, 60, false);
    }

    private static final String DEEPEST_FOCUS = """
            const focusedDeep = () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              return el === document.body ? null : el;
            };
            """;

    /**
     * Runs axe-core on the page as it is now against WCAG 2.1 A and AA ({@link #WCAG_21_AA}), writes the whole
     * result to {@code target/e2e/axe-<browser>-<step>.json}, appends every {@code moderate} violation to
     * {@link #AXE_MODERATE} and fails on any {@code serious} or {@code critical} one, naming its rule, impact, the
     * elements (axe's selectors, through shadow roots) and axe's help.
     */
    public Results accessibility(String step) {
        String slug = step.replaceAll("[^A-Za-z0-9._-]+", "-");
        // axe reads colours as painted. A toast can open at any moment (a push that ends shows one through server
        // push), so its slide and fade last no time from here on (a zero-length animation still ends, so Vaadin
        // still removes a closing toast): it is judged as it looks once open. Then wait until no
        // other finite animation runs (a dialog fading in or out is half transparent); endless ones, such as an
        // indeterminate progress bar, are not waited for
        js("""
                if (!document.getElementById('e2e-still-toasts')) {
                  const style = document.createElement('style');
                  style.id = 'e2e-still-toasts';
                  style.textContent = 'vaadin-notification-card[opening], vaadin-notification-card[closing]'
                      + ' { animation-duration: 0s !important; animation-delay: 0s !important; }';
                  document.head.appendChild(style);
                }
                return true;""");
        until(Duration.ofSeconds(10), "animations to finish before axe reads colours", d -> Boolean.TRUE.equals(js(
                "return document.getAnimations().every(a => a.playState !== 'running'"
                        + " || a.effect.getComputedTiming().endTime === Infinity);")) ? true : null);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).exclude("vaadin-dev-tools").analyze(driver);
        Path file = OUT.resolve("axe-" + name + "-" + slug + ".json");
        try {
            Files.writeString(file, new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (results.getErrorMessage() != null) {
            throw new AssertionError("axe could not check " + step + " in " + name + ": "
                    + results.getErrorMessage());
        }
        List<String> blocking = new ArrayList<>();
        List<String> moderate = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                String line = rule.getId() + " (" + impact + ") at " + node.getTarget() + ": " + rule.getHelp()
                        + " [" + rule.getHelpUrl() + "]";
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    blocking.add(line + "\n      " + String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
                } else if ("moderate".equals(impact)) {
                    moderate.add(name + " / " + step + ": " + line);
                }
            }
        }
        recordModerate(moderate);
        if (!blocking.isEmpty()) {
            screenshot("axe-FAILED-" + slug);
            throw new AssertionError("axe found " + blocking.size() + " serious or critical WCAG 2.1 AA violation(s) at "
                    + step + " in " + name + " (" + driver.getCurrentUrl() + "; all results in " + file + "):\n  - "
                    + String.join("\n  - ", blocking));
        }
        return results;
    }

    private static void recordModerate(List<String> lines) {
        synchronized (MODERATE_LOCK) {
            try {
                if (!moderateStarted) {
                    Files.createDirectories(OUT);
                    Files.writeString(AXE_MODERATE, "");
                    moderateStarted = true;
                }
                Files.write(AXE_MODERATE, lines, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
