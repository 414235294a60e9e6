package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Two people in two Chromium windows chat live; a third posts with scripts switched off. */
class TwoWindowsChatIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void messageTypedInOneWindowAppearsInTheOther() throws Exception {
    try (Browser ada = Browser.withJavaScript();
        Browser bob = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      String roomUrl = ada.createRoom("Launch " + suffix);
      bob.signIn("Bob " + suffix);
      bob.join(roomUrl);
      bob.awaitLive();
      WebElement adaDot =
          bob.driver.findElement(
              By.cssSelector(
                  ".members .presence-" + io.parley.render.Dom.key("dev:ada." + suffix)));
      assertTrue(adaDot.getAttribute("class").contains("online"), "Bob sees Ada online");

      ada.type("Hello Bob, launch is at noon" + Keys.ENTER);
      WebElement atBob = bob.awaitMessage("Hello Bob, launch is at noon");
      assertTrue(
          atBob
              .findElement(By.xpath("ancestor::article"))
              .getAttribute("id")
              .matches("msg-[0-9a-f-]+-1"));
      assertEquals(
          "",
          ada.driver.findElement(By.cssSelector("#composer textarea")).getAttribute("value"),
          "composer cleared");

      bob.type("Great, see you there");
      String roomId = roomUrl.substring(roomUrl.lastIndexOf('/') + 1);
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("typing-" + roomId), "is typing…"));
      assertTrue(
          ada.driver.findElement(By.id("typing-" + roomId)).getText().startsWith("Bob " + suffix));
      bob.driver.findElement(By.cssSelector("#composer button")).click();
      ada.awaitMessage("Great, see you there");
      ada.wait.until(ExpectedConditions.textToBe(By.id("typing-" + roomId), ""));

      String payload = "<img src=x onerror=\"window.__pwned=1\">";
      ada.type(payload + Keys.ENTER);
      bob.awaitMessage(payload);
      assertNull(
          bob.driver.executeScript("return window.__pwned"), "user text never runs as script");

      List<WebElement> atAda = ada.driver.findElements(By.cssSelector("article.message"));
      assertEquals(3, atAda.size(), "each message once in Ada's window");
      assertEquals(
          List.of("1", "2", "3"),
          atAda.stream().map(e -> e.getAttribute("data-seq")).toList(),
          "in room order");

      saveScreenshot(bob);
    }
  }

  @Test
  void withoutJavaScriptTheFormPostsAndThePageShowsTheMessage() throws Exception {
    try (Browser live = Browser.withJavaScript();
        Browser plain = Browser.withoutJavaScript()) {
      live.signIn("Cleo " + suffix);
      String roomUrl = live.createRoom("Plain " + suffix);
      plain.signIn("Dan " + suffix);
      plain.join(roomUrl);
      plain.type("posted by a plain form");
      plain.driver.findElement(By.cssSelector("#composer button")).click();
      plain.awaitMessage("posted by a plain form");
      live.awaitMessage("posted by a plain form");
    }
  }

  private static void saveScreenshot(Browser browser) throws Exception {
    String dir = System.getProperty("parley.screenshot.dir");
    if (dir == null) {
      return;
    }
    Path target = Path.of(dir, "room.png");
    Files.createDirectories(target.getParent());
    Path shot = browser.driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
