package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Parley on a phone-sized screen (390 px wide): the sidebar is a menu, the composer stays in reach
 * below a long room, long words wrap instead of widening the page, and messages carry local times
 * under a day separator. Saves a screenshot for the README when asked to.
 */
class NarrowScreenBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aRoomWorksOnAPhoneSizedScreen() throws Exception {
    try (Browser phone = Browser.phoneSized()) {
      phone.signIn("Pocket " + suffix);
      assertFalse(
          phone.driver.findElement(By.id("sidebar-nav")).isDisplayed(),
          "the sidebar is folded away");
      phone.driver.findElement(By.id("room-name")).sendKeys("On the go " + suffix);
      phone.driver.findElement(By.cssSelector("form.create-room button")).click();
      phone.wait.until(ExpectedConditions.urlMatches("/rooms/[0-9a-f-]+$"));
      phone.awaitLive();
      for (int i = 1; i <= 25; i++) {
        phone.type("line " + i + "\n");
      }
      phone.awaitMessage("line 25");
      phone.type("Supercalifragilisticexpialidocious".repeat(6) + "\n");
      phone.type("```\n" + "x".repeat(200) + "\n```\n");

      JavascriptExecutor js = (JavascriptExecutor) phone.driver;
      Object overflow =
          js.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertEquals(0L, ((Number) overflow).longValue(), "nothing widens the page");
      WebElement composer = phone.driver.findElement(By.cssSelector("#composer textarea"));
      Boolean reachable =
          (Boolean)
              js.executeScript(
                  "var r = arguments[0].getBoundingClientRect();"
                      + " return r.bottom <= window.innerHeight && r.top >= 0;",
                  composer);
      assertTrue(reachable, "the composer is on screen below a long room");
      assertEquals(
          "Today", phone.driver.findElement(By.cssSelector(".messages .day-separator")).getText());

      saveScreenshot(phone, "room-narrow.png");
      WebElement sidebar = phone.driver.findElement(By.id("sidebar-nav"));
      assertFalse(sidebar.isDisplayed(), "folded away on the room page too");
      phone.driver.findElement(By.id("menu-button")).click();
      assertTrue(sidebar.isDisplayed(), "the menu opens the sidebar");
      assertEquals(
          "true", phone.driver.findElement(By.id("menu-button")).getAttribute("aria-expanded"));
      phone.driver.findElement(By.id("search-q")).sendKeys(""); // focus moves on; Escape closes
      phone.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
      phone.wait.until(ExpectedConditions.invisibilityOf(sidebar));
    }
  }

  private static void saveScreenshot(Browser browser, String name) throws Exception {
    String dir = System.getProperty("parley.screenshot.dir");
    if (dir == null) {
      return;
    }
    Path target = Path.of(dir, name);
    Files.createDirectories(target.getParent());
    Path shot = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
