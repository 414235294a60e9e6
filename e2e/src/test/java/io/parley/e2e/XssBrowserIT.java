package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Script in every place a person can put text (display name, room name, status line, message body)
 * shows as text in Chromium and never runs, for the victim or the author.
 */
class XssBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void noUserTextRunsAsScript() throws Exception {
    String name = "<img src=x onerror=__pwned=1> " + suffix;
    String room = "<script>window.__pwned='room'</script> " + suffix;
    String status = "<svg onload=\"window.__pwned='status'\"></svg>";
    String body = "<iframe srcdoc=\"<script>parent.__pwned='body'</script>\"></iframe>";
    try (Browser mallory = Browser.withJavaScript();
        Browser ada = Browser.withJavaScript()) {
      mallory.signIn(name);
      String roomUrl = mallory.createRoom(room);
      mallory.driver.get(Browser.baseUrl() + "/profile");
      mallory.driver.findElement(By.id("status")).sendKeys(status);
      mallory.driver.findElement(By.cssSelector(".profile button[type=submit]")).click();
      mallory.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.saved")));
      mallory.driver.get(roomUrl);
      mallory.awaitLive();
      mallory.type(body + Keys.ENTER);
      mallory.awaitMessage(body);

      ada.signIn("Ada " + suffix);
      ada.join(roomUrl);
      ada.awaitLive();
      ada.awaitMessage(body);
      String page = ada.driver.findElement(By.tagName("main")).getText();
      assertTrue(page.contains(room.strip()), "the room name shows as text");
      assertTrue(page.contains(status), "the status shows as text");
      assertTrue(page.contains(name), "the display name shows as text");
      assertTrue(
          ada.driver.findElement(By.id("sidebar")).getText().contains("<script>"),
          "the sidebar too");
      for (Browser b : new Browser[] {ada, mallory}) {
        assertNull(b.driver.executeScript("return window.__pwned"), "no script ran");
        assertTrue(b.driver.findElements(By.cssSelector("main iframe, main svg")).isEmpty());
      }
    }
  }
}
