package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium driven through the system's chromedriver, for the browser end-to-end tests.
 * Nothing is downloaded: both programs must be installed (Debian: chromium, chromium-driver), or
 * named by HELPSEARCH_CHROMIUM / HELPSEARCH_CHROMEDRIVER. Without them the tests are skipped with
 * the reason, except under CI=true, where a missing browser fails them.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static final List<String> CHROMIUM =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> CHROMEDRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private Browser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /**
     * Why the browser tests cannot run here (no Chromium or no chromedriver), or empty when they
     * can. Under CI=true a missing browser is a failure, never a reason to skip.
     */
    static Optional<String> unavailable() {
        Optional<Path> chromium = find("HELPSEARCH_CHROMIUM", CHROMIUM);
        Optional<Path> chromedriver = find("HELPSEARCH_CHROMEDRIVER", CHROMEDRIVER);
        if (chromium.isPresent() && chromedriver.isPresent()) {
            return Optional.empty();
        }
        String missing = (chromium.isEmpty()
                        ? "Chromium (looked at HELPSEARCH_CHROMIUM, " + String.join(", ", CHROMIUM) + ")"
                        : "")
                + (chromium.isEmpty() && chromedriver.isEmpty() ? " and " : "")
                + (chromedriver.isEmpty()
                        ? "chromedriver (looked at HELPSEARCH_CHROMEDRIVER, " + String.join(", ", CHROMEDRIVER) + ")"
                        : "");
        String message =
                "browser tests need " + missing + "; install them with: apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        return Optional.of("skipping browser tests: " + message);
    }

    /** A started browser; call only when {@link #unavailable()} is empty. */
    static Browser start(Path profile) {
        Path chromium = find("HELPSEARCH_CHROMIUM", CHROMIUM).orElseThrow();
        Path chromedriver = find("HELPSEARCH_CHROMEDRIVER", CHROMEDRIVER).orElseThrow();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--lang=en-US",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        return new Browser(new ChromeDriver(service, options), service);
    }

    private static Optional<Path> find(String variable, List<String> candidates) {
        String named = System.getenv(variable);
        Stream<String> paths = named != null && !named.isBlank() ? Stream.of(named) : candidates.stream();
        return paths.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String jsString(String script, Object... args) {
        Object value = js(script, args);
        return value == null ? null : value.toString();
    }

    long jsLong(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    /** The condition's first value that is neither null nor false, polled for up to ten seconds. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T value = condition.apply(driver);
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out after " + TIMEOUT.toSeconds() + " s waiting for: " + what + " (page: "
                                + driver.getCurrentUrl() + ")",
                        last);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Light or dark, as the operating system's setting would make the page see it. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Console errors since the last call (CSP violations, script errors, failed loads). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
