package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A moderator makes an incoming webhook from the room's menu; a system posts to its URL with curl;
 * the message appears live on another member's page under the hook's name, marked "bot".
 */
class WebhookBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aWebhookPostedWithCurlAppearsLiveOnThePage() throws Exception {
    try (Browser ada = Browser.withJavaScript();
        Browser bob = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      String roomUrl = ada.createRoom("Builds " + suffix);
      ada.driver.findElement(By.cssSelector("details.moderation summary")).click();
      ada.driver.findElement(By.cssSelector("a.room-hooks")).click();
      ada.wait.until(ExpectedConditions.urlContains("/hooks"));
      ada.driver.findElement(By.id("hook-name")).sendKeys("CI " + suffix);
      ada.driver.findElement(By.id("create-hook")).click();
      String url =
          ada.wait
              .until(ExpectedConditions.presenceOfElementLocated(By.id("issued-url")))
              .getAttribute("value");
      assertTrue(url.matches("https?://.+/hooks/[0-9a-f-]+/[A-Za-z0-9_-]{32}"), url);

      bob.signIn("Bob " + suffix);
      bob.join(roomUrl);
      bob.awaitLive();

      Process curl =
          new ProcessBuilder(
                  "curl",
                  "-sS",
                  "--max-time",
                  "20",
                  "-X",
                  "POST",
                  "-H",
                  "Content-Type: application/json",
                  "-d",
                  "{\"text\":\"Deploy of **v1.2** finished\"}",
                  Browser.baseUrl() + url.substring(url.indexOf("/hooks/")))
              .redirectErrorStream(true)
              .start();
      String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, curl.waitFor(), answer);
      assertTrue(answer.startsWith("{\"ok\":true"), answer);

      WebElement body = bob.awaitMessage("Deploy of v1.2 finished");
      WebElement message = body.findElement(By.xpath("ancestor::article"));
      assertEquals("CI " + suffix, message.findElement(By.cssSelector(".sender")).getText());
      assertEquals(
          "bot", message.findElement(By.cssSelector(".bot-badge")).getAttribute("textContent"));
      assertEquals("v1.2", body.findElement(By.tagName("strong")).getText());

      ada.driver.get(roomUrl);
      ada.awaitMessage("Deploy of v1.2 finished");
      ada.driver.get(roomUrl + "/hooks");
      assertFalse(
          ada.driver.getPageSource().contains(url.substring(url.lastIndexOf('/') + 1)),
          "the secret is not shown again");
    }
  }
}
