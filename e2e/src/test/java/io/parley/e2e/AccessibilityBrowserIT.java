package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core (from the npm registry, the build's own copy) checks the main pages in a real browser
 * against WCAG 2.1 A and AA: no serious or critical violation on the lobby, a room with messages,
 * the people directory and a profile card, the room directory, search results, the profile page and
 * the admin console.
 */
class AccessibilityBrowserIT {

  private static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void theMainPagesHaveNoSeriousOrCriticalViolations() throws Exception {
    String axe = Files.readString(AXE);
    List<String> found = new ArrayList<>();
    try (Browser ada = Browser.withJavaScript()) {
      ada.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      ada.driver.get(Browser.baseUrl() + "/sign-in");
      ada.driver.findElement(By.id("name")).sendKeys("Access " + suffix);
      ada.driver
          .findElement(By.cssSelector("form[action='/sign-in'] input[name=role][value=admin]"))
          .click();
      ada.driver.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
      ada.wait.until(ExpectedConditions.urlContains("/rooms"));
      found.addAll(check(ada, axe, "lobby"));
      String roomUrl = ada.createRoom("Accessible " + suffix);
      ada.type("hello **everyone**, see `code`\n");
      ada.awaitMessage("hello everyone, see code");
      found.addAll(check(ada, axe, "room"));
      String username = "access." + suffix;
      for (String page :
          List.of(
              "/people?q=access",
              "/people/" + username,
              "/rooms/directory",
              "/search?q=hello",
              "/profile",
              "/saved",
              "/later",
              "/admin",
              "/admin/retention")) {
        ada.driver.get(Browser.baseUrl() + page);
        ada.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        found.addAll(check(ada, axe, page));
      }
      // The dark and high-contrast themes, chosen on the profile, on the busiest pages.
      for (String theme : List.of("dark", "contrast")) {
        ada.driver.get(Browser.baseUrl() + "/profile");
        new org.openqa.selenium.support.ui.Select(ada.driver.findElement(By.id("theme")))
            .selectByValue(theme);
        ada.driver.findElement(By.cssSelector("form[action='/profile/theme'] button")).click();
        ada.wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-theme", theme));
        for (String page :
            List.of(
                roomUrl,
                Browser.baseUrl() + "/rooms",
                Browser.baseUrl() + "/profile",
                Browser.baseUrl() + "/search?q=hello")) {
          ada.driver.get(page);
          ada.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
          found.addAll(check(ada, axe, theme + " " + page));
        }
        ada.driver.get(roomUrl);
        ada.awaitLive();
        screenshot(ada, "room-" + theme + ".png");
      }
    }
    assertEquals(List.of(), found, "serious or critical accessibility violations");
  }

  /** Saves the page for the README, when the build asks for screenshots. */
  private static void screenshot(Browser b, String name) throws java.io.IOException {
    String dir = System.getProperty("parley.screenshot.dir");
    if (dir == null) {
      return;
    }
    Files.createDirectories(Path.of(dir));
    Files.write(
        Path.of(dir, name),
        ((org.openqa.selenium.TakesScreenshot) b.driver)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  @SuppressWarnings("unchecked")
  private static List<String> check(Browser b, String axe, String page) {
    JavascriptExecutor js = (JavascriptExecutor) b.driver;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                + " 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) {"
                + "  return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "  + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })"
                + "  .join(', '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
    List<String> violations = new ArrayList<>();
    for (Object v : (List<Object>) result) {
      violations.add(page + ": " + v);
    }
    return violations;
  }
}
