package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Desktop notifications: never asked for on load (a button asks); once allowed, a mention and a
 * direct message raise one while the tab is hidden, an ordinary message in a room does not, and a
 * muted room stays silent.
 */
class NotificationsBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  /**
   * Makes the tab report itself hidden and records every notification the page raises (passing each
   * on to the browser's own).
   */
  private static final String HIDE_AND_RECORD =
      "window.__shown = [];"
          + "var Real = window.Notification;"
          + "var Recording = function (title, options) {"
          + "  window.__shown.push(title + '|' + (options && options.body));"
          + "  try { return new Real(title, options); } catch (e) { return {}; }"
          + "};"
          + "Object.defineProperty(Recording, 'permission', { get: function () { return Real.permission; } });"
          + "window.Notification = Recording;"
          + "Object.defineProperty(document, 'hidden', { configurable: true, get: function () { return true; } });";

  @SuppressWarnings("unchecked")
  private static List<String> shown(Browser b) {
    return (List<String>) b.driver.executeScript("return window.__shown.slice();");
  }

  @Test
  void aMentionAndADirectMessageNotifyAHiddenTabOnceAllowed() throws Exception {
    try (Browser ada = Browser.withJavaScript();
        Browser bob = Browser.withJavaScript()) {
      ada.signIn("Ada" + suffix);
      String room = ada.createRoom("Notify " + suffix);
      ada.driver.get(Browser.baseUrl() + "/rooms");
      String quiet = ada.createRoom("Quiet " + suffix);
      bob.signIn("Bob" + suffix);
      bob.join(room);
      bob.join(quiet);

      // Nothing is asked on load: the button offers it.
      bob.driver.get(Browser.baseUrl() + "/rooms");
      assertEquals("default", bob.driver.executeScript("return Notification.permission;"));
      assertTrue(bob.driver.findElement(By.id("notify-button")).isDisplayed());

      // Bob allows notifications (as the browser's prompt would) and mutes the quiet room.
      bob.driver.executeCdpCommand(
          "Browser.grantPermissions",
          Map.of("permissions", List.of("notifications"), "origin", Browser.baseUrl()));
      bob.driver.get(quiet);
      bob.driver.findElement(By.cssSelector("form.notify-choice select")).sendKeys("Nothing");
      bob.wait // the choice submits itself and the page reloads
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              ExpectedConditions.attributeToBe(
                  By.cssSelector("form.notify-choice select"), "value", "nothing"));
      bob.driver.get(Browser.baseUrl() + "/rooms");
      bob.wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live='open']")));
      assertEquals("granted", bob.driver.executeScript("return Notification.permission;"));
      assertTrue(!bob.driver.findElement(By.id("notify-button")).isDisplayed(), "asked once");
      bob.driver.executeScript(HIDE_AND_RECORD);

      // An ordinary message: counted in the title, no notification (a room notifies of mentions).
      ada.driver.get(room);
      ada.awaitLive();
      ada.type("just chatting\n");
      ada.awaitMessage("just chatting");
      bob.wait.until(ExpectedConditions.titleContains("(1)"));
      // A mention in the muted room: nothing at all.
      ada.driver.get(quiet);
      ada.awaitLive();
      ada.type("@bob" + suffix + " shh\n");
      ada.awaitMessage("@bob" + suffix + " shh");
      // A mention in the other room: "You were mentioned".
      ada.driver.get(room);
      ada.awaitLive();
      ada.type("@bob" + suffix + " have a look\n");
      ada.awaitMessage("@bob" + suffix + " have a look");
      bob.wait.withTimeout(Duration.ofSeconds(15)).until(d -> !shown(bob).isEmpty());
      assertEquals(List.of("You were mentioned|#Notify " + suffix), shown(bob));
      assertTrue(bob.driver.getTitle().startsWith("(2)"), bob.driver.getTitle());

      // A direct message notifies on its own.
      ada.driver.get(Browser.baseUrl() + "/rooms");
      ada.driver.findElement(By.id("dm-username")).sendKeys("bob" + suffix);
      ada.driver.findElement(By.cssSelector("form.direct button")).click();
      ada.wait.until(ExpectedConditions.urlMatches("/rooms/[0-9a-f-]+$"));
      ada.awaitLive();
      ada.type("a word in private\n");
      ada.awaitMessage("a word in private");
      bob.wait.until(d -> shown(bob).size() == 2);
      assertTrue(shown(bob).get(1).startsWith("New direct message|"), shown(bob).toString());
    }
  }
}
