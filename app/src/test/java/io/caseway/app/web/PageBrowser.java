package io.caseway.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseway.app.IntegrationTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages' browser for tests: the system's headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded) with a throw-away profile, signing in through
 * the form, axe-core in a page, and its screenshot in {@code docs/screenshots/} when the build is
 * run with {@code -Dscreenshots=true}.
 */
final class PageBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profile;
  private final int port;

  private PageBrowser(WebDriver driver, Path profile, int port) {
    this.driver = driver;
    this.profile = profile;
    this.port = port;
  }

  /** A new browser for the app on this port. */
  static PageBrowser start(int port) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("The browser tests need the system's Chromium and its driver ("
          + CHROMIUM + ", " + CHROMEDRIVER + "); install them with: apt-get install -y chromium chromium-driver");
    }
    // never let Selenium Manager fetch a browser or driver
    System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("caseway-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,1400", "--lang=en");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2)).scriptTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1280, 1400));
    return new PageBrowser(driver, profile, port);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get("http://localhost:" + port + path);
  }

  /** Signs in through the sign-in form shown now. */
  void signIn(String username) {
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(IntegrationTestSupport.PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
  }

  /** axe-core in the page: no serious or critical violation; then the screenshot, when asked for. */
  void checkAccessibility(String name) {
    checkAccessibilityOnly(name);
    if (Boolean.getBoolean("screenshots")) {
      try {
        Path dir = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(dir);
        // the whole page: the window grows to the page's height for the picture
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
        js.executeScript("window.scrollTo(0, 0)");
        driver.manage().window().setSize(new Dimension(1280, (int) Math.max(800, Math.min(height, 6000))));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 1400));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** axe-core in the page, never a screenshot (for states the screenshots do not show). */
  void checkAccessibilityOnly(String name) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeSource());
    String json = (String) js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
          .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));
        """);
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode v : new ObjectMapper().readTree(json)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at "
              + v.path("nodes").findValuesAsText("html"));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(serious).as("accessibility violations on " + name).isEmpty();
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String axeSource() {
    try (InputStream in = PageBrowser.class.getResourceAsStream("/axe.min.js")) {
      assertThat(in).as("axe-core on the test class path (com.deque.html.axe-core:selenium)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
