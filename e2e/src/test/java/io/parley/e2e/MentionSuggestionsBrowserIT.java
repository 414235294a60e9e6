package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Typing "@" and "/" in the composer offers groups, members and commands; Tab takes one. */
class MentionSuggestionsBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aGroupIsOfferedWhileTypingAndTabTakesIt() throws Exception {
    TestUser admin = Parley.signIn(Parley.baseUrl(), "Admin " + suffix, "admin");
    String handle = "qa" + suffix;
    var made = admin.post("/api/groups", "{\"handle\":\"" + handle + "\",\"name\":\"Quality\"}");
    assertEquals(201, made.statusCode(), made.body());
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      ada.createRoom("Suggest " + suffix);
      WebElement body = ada.driver.findElement(By.cssSelector("#composer textarea"));
      body.sendKeys("/mu");
      ada.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("command-hints")));
      assertTrue(
          ada.driver
              .findElement(By.cssSelector("#command-hints li[data-command='mute']"))
              .isDisplayed());
      body.clear();
      body.sendKeys("ping @" + handle.substring(0, 4));
      WebElement offer =
          ada.wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#mention-hints li[data-handle='" + handle + "']")));
      assertEquals("Quality", offer.findElement(By.tagName("span")).getText());
      body.sendKeys(Keys.TAB);
      assertEquals("ping @" + handle + " ", body.getAttribute("value"));
    }
  }
}
