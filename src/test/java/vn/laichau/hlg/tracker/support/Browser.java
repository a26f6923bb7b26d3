package vn.laichau.hlg.tracker.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium from the system. Where none is installed the browser journeys are skipped with a
 * visible notice, except in CI (CI=true), where a missing browser fails the build.
 */
public final class Browser {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
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
                    "--disable-default-apps", "--window-size=1280,900", "--lang=vi",
                    "--user-data-dir=" + Files.createTempDirectory("tracker-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                    .usingAnyFreePort().build();
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return chrome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstExisting(List<String> paths) {
        return paths.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null);
    }
}
