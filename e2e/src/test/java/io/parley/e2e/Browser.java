package io.parley.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Debian Chromium window, driven through Debian's chromedriver (never downloaded). */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  private Browser(boolean javascript) throws Exception {
    this(javascript, "1200,800");
  }

  private Browser(boolean javascript, String windowSize) throws Exception {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException(
          "Browser tests need Debian's chromium and chromium-driver: run ops/install-test-deps.sh");
    }
    profile = Files.createTempDirectory("parley-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=" + windowSize,
        // the test servers' HTTPS uses Liberty's generated development certificate
        "--ignore-certificate-errors",
        "--user-data-dir=" + profile);
    if (!javascript) {
      options.addArguments("--blink-settings=scriptEnabled=false");
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = waitUpTo(Duration.ofSeconds(15));
  }

  /**
   * A wait that looks again when a live push replaced the element between lookup and read, or a
   * navigation took the page away mid-read ("Node … does not belong to the document"); a real
   * failure still ends in a timeout carrying the last error.
   */
  WebDriverWait waitUpTo(Duration timeout) {
    WebDriverWait patient = new WebDriverWait(driver, timeout);
    patient.ignoring(StaleElementReferenceException.class);
    patient.ignoring(org.openqa.selenium.WebDriverException.class);
    return patient;
  }

  static Browser withJavaScript() throws Exception {
    return new Browser(true);
  }

  /** A phone-sized window (390 × 844, an iPhone 12 to 15's CSS pixels). */
  static Browser phoneSized() throws Exception {
    return new Browser(true, "390,844");
  }

  static Browser withoutJavaScript() throws Exception {
    return new Browser(false);
  }

  static String baseUrl() {
    return "http://localhost:" + System.getProperty("parley.http.port", "9080");
  }

  void signIn(String name) {
    driver.get(baseUrl() + "/sign-in");
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
    wait.until(ExpectedConditions.urlContains("/rooms"));
  }

  /** Creates a public room from the lobby and returns the room page's URL, once it is live. */
  String createRoom(String name) {
    driver.findElement(By.id("room-name")).sendKeys(name);
    driver.findElement(By.cssSelector("form.create-room button")).click();
    wait.until(ExpectedConditions.urlMatches("/rooms/[0-9a-f-]+$"));
    awaitLive();
    return driver.getCurrentUrl();
  }

  /** Opens a public room by URL and joins it. */
  void join(String roomUrl) {
    driver.get(roomUrl);
    driver.findElement(By.cssSelector("form.join button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("composer")));
  }

  /** Waits until the page's WebSocket is connected and has asked for what it missed. */
  void awaitLive() {
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.room[data-live='open']")));
  }

  /** The body of the message showing exactly {@code text} (formatting aside), once it is shown. */
  WebElement awaitMessage(String text) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath(
                "//article[contains(@class,'message')]//div[@class='body' and normalize-space(.)="
                    + xpathLiteral(text)
                    + "]")));
  }

  void type(String text) {
    WebElement body = driver.findElement(By.cssSelector("#composer textarea"));
    body.sendKeys(text);
  }

  WebDriver driver() {
    return driver;
  }

  private static String xpathLiteral(String s) {
    return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
