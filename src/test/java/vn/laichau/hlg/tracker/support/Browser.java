package vn.laichau.hlg.tracker.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium from the system, driving the application of the Spring test context, for the browser
 * journeys. Register it on a field: {@code @RegisterExtension final Browser browser = new Browser();}
 *
 * <p>There is no implicit wait. Every step that leads to another page goes through {@link #open},
 * {@link #submit}, {@link #follow} or {@link #back}, which wait for the old page to go, for the new
 * page's address and for one element the new page must show ("landmark"). {@link #find} waits for an
 * element to be shown; {@link #isAbsent} looks once, so it is only asked once the page it is about has
 * arrived.
 *
 * <p>When a journey fails, a full-page screenshot and the page source are kept under
 * {@code target/browser-failures/}, and the failure's message names both files.
 *
 * <p>Where no Chromium is installed the journeys are skipped with a visible notice, except in CI
 * ({@code CI=true}), where a missing browser fails the build.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    /** How long a step may take on a busy machine before it counts as failed (-Dbrowser.wait.seconds). */
    static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("browser.wait.seconds", 30));
    static final Path FAILURES = Path.of("target", "browser-failures");

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final String language;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String base;

    /** A browser set to Vietnamese, as the province's users have it. */
    public Browser() {
        this("vi");
    }

    /** A browser set to another language (its {@code --lang}), e.g. "en-US" for what follows the browser's language. */
    public Browser(String language) {
        this.language = language;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        base = "http://localhost:" + port;
        driver = start(language);
        wait = new WebDriverWait(driver, PATIENCE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    // ---- steps -------------------------------------------------------------------------------------

    /** The raw driver, for what the steps below do not cover (cookies, window size, scripts). */
    public ChromeDriver driver() {
        return driver;
    }

    public String url(String path) {
        return base + path;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Opens {@code path} and waits until the page of that path shows {@code landmark}. */
    public WebElement open(String path, By landmark) {
        return open(path, URI.create(path).getPath(), landmark);
    }

    /**
     * Opens {@code path} and waits for the page it leads to: one whose path matches {@code arrivalPath}
     * (a regular expression, e.g. after a redirect) and which shows {@code landmark}.
     */
    public WebElement open(String path, String arrivalPath, By landmark) {
        return leave(() -> driver.get(url(path)), "opening " + path, arrivalPath, landmark);
    }

    /** Clicks the button (or link) and waits for the page it leads to, as {@link #open(String, String, By)}. */
    public WebElement submit(By button, String arrivalPath, By landmark) {
        return submit(find(button), arrivalPath, landmark);
    }

    public WebElement submit(WebElement button, String arrivalPath, By landmark) {
        return leave(() -> click(button), "clicking " + describe(button), arrivalPath, landmark);
    }

    /** Follows a link with the keyboard (Enter), as someone who cannot use a mouse would. */
    public WebElement follow(WebElement link, String arrivalPath, By landmark) {
        return leave(() -> link.sendKeys(Keys.ENTER), "pressing Enter on " + describe(link), arrivalPath, landmark);
    }

    /** The browser's back button. */
    public WebElement back(String arrivalPath, By landmark) {
        return leave(() -> driver.navigate().back(), "going back", arrivalPath, landmark);
    }

    /** Waits until an element is shown and returns it. */
    public WebElement find(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator), "waiting for " + locator + " to be shown");
    }

    /** Every element there is now: only asked once the page has arrived, never waits. */
    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    /** Whether the page now has no such element: only asked once the page has arrived, never waits. */
    public boolean isAbsent(By locator) {
        return driver.findElements(locator).isEmpty();
    }

    public void type(By field, CharSequence text) {
        find(field).sendKeys(text);
    }

    public void select(By field, String visibleText) {
        new Select(find(field)).selectByVisibleText(visibleText);
    }

    public String text(By locator) {
        return find(locator).getText();
    }

    /** Clicks something that changes the page in place (no new page): scrolled into view first. */
    public void click(By locator) {
        click(find(locator));
    }

    public void click(WebElement element) {
        // Bootstrap scrolls smoothly; jump instead, so that the click lands where the element is.
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        until(ExpectedConditions.elementToBeClickable(element), "waiting for " + describe(element) + " to be clickable").click();
    }

    /** Waits for any condition of the page, with a message saying what was awaited. */
    public <T> T until(ExpectedCondition<T> condition, String what) {
        return wait.withMessage(what).until(condition);
    }

    private WebElement leave(Runnable action, String step, String arrivalPath, By landmark) {
        WebElement old = driver.findElements(By.tagName("html")).stream().findFirst().orElse(null);
        action.run();
        if (old != null) {
            until(ExpectedConditions.stalenessOf(old), "the page to be replaced after " + step);
        }
        until(d -> URI.create(d.getCurrentUrl()).getPath().matches(arrivalPath),
                "a page at " + arrivalPath + " after " + step);
        until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")),
                "the page at " + arrivalPath + " to finish loading after " + step);
        return until(ExpectedConditions.visibilityOfElementLocated(landmark),
                landmark + " on the page at " + arrivalPath + " after " + step);
    }

    private static String describe(WebElement element) {
        try {
            String id = element.getAttribute("id");
            String text = element.getText();
            return "<" + element.getTagName() + (id == null || id.isEmpty() ? "" : " id=" + id) + ">"
                    + (text == null || text.isBlank() ? "" : " \"" + text.strip() + "\"");
        } catch (WebDriverException e) {
            return String.valueOf(element);
        }
    }

    // ---- failures ----------------------------------------------------------------------------------

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withEvidence(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withEvidence(context, failure);
    }

    /** Keeps a screenshot and the page source, and names them in a failure that has the original as cause. */
    Throwable withEvidence(ExtensionContext context, Throwable failure) {
        if (failure instanceof TestAbortedException || driver == null) {
            return failure;
        }
        try {
            Files.createDirectories(FAILURES);
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                    + "-" + LocalDateTime.now().format(STAMP);
            Path screenshot = FAILURES.resolve(name + ".png").toAbsolutePath();
            Path source = FAILURES.resolve(name + ".html").toAbsolutePath();
            String where = driver.getCurrentUrl();
            String title = driver.getTitle();
            Files.writeString(source, "<!-- " + where + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            Files.write(screenshot, screenshot());
            String first = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
            AssertionError evidence = new AssertionError("Browser journey failed on " + where + " (\"" + title + "\"): "
                    + failure.getClass().getSimpleName() + ": " + first
                    + "\n  screenshot:  " + screenshot
                    + "\n  page source: " + source, failure);
            System.err.println("*** " + evidence.getMessage());
            return evidence;
        } catch (IOException | WebDriverException | ClassCastException e) {
            failure.addSuppressed(e);
            return failure;
        }
    }

    /** The whole page, not only the window, so that what failed below the fold shows too. */
    @SuppressWarnings("unchecked")
    private byte[] screenshot() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.getOrDefault("cssContentSize", metrics.get("contentSize"));
            double width = ((Number) size.get("width")).doubleValue();
            double height = Math.min(((Number) size.get("height")).doubleValue(), 15_000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (WebDriverException | ClassCastException | NullPointerException e) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    // ---- start -------------------------------------------------------------------------------------

    private static ChromeDriver start(String language) {
        String browser = firstExisting(BROWSERS);
        String driver = firstExisting(DRIVERS);
        if (browser == null || driver == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the browser journeys, but no Chromium or ChromeDriver is installed");
            }
            System.out.println("*** NOTICE: browser journeys SKIPPED: no Chromium/ChromeDriver found (apt-get install chromium chromium-driver) ***");
            Assumptions.abort("No Chromium or ChromeDriver on this machine");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-default-apps", "--window-size=1280,900", "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("tracker-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                    .usingAnyFreePort().build();
            // No implicit wait: every step waits explicitly for what it needs.
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstExisting(List<String> paths) {
        return paths.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null);
    }
}
