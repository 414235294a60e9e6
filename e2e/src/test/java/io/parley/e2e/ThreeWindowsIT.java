package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Three people, three Chromium windows (and a second tab): "Seen by", unread and mention badges
 * that clear when read in another tab, and presence in the direct-message list.
 */
class ThreeWindowsIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void receiptsUnreadCountsMentionsAndDirectMessagePresence() throws Exception {
    try (Browser ada = Browser.withJavaScript();
        Browser bob = Browser.withJavaScript();
        Browser cy = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      String roomUrl = ada.createRoom("Standup " + suffix);
      String roomId = roomUrl.substring(roomUrl.lastIndexOf('/') + 1);
      bob.signIn("Bob " + suffix);
      bob.join(roomUrl);
      bob.awaitLive();
      cy.signIn("Cy " + suffix);
      cy.join(roomUrl);
      cy.driver.get(Browser.baseUrl() + "/rooms"); // Cy waits in the lobby
      By cyBadge = By.cssSelector("#unread-" + roomId + " .badge:not(.mentions)");
      By cyMentions = By.cssSelector("#unread-" + roomId + " .badge.mentions");

      // Bob watches the room: he is mentioned, highlighted, and shows up under Ada's message.
      ada.type("Morning @bob." + suffix + "!" + Keys.ENTER);
      var atBob = bob.awaitMessage("Morning @bob." + suffix + "!");
      assertEquals(
          "@bob." + suffix, atBob.findElement(By.cssSelector(".mention.me")).getText().strip());
      ada.wait.until(ExpectedConditions.textToBe(By.id("seen-" + roomId), "Seen by Bob " + suffix));

      // Cy, in the lobby, gets a live unread count and a mention count apart.
      cy.wait.until(ExpectedConditions.textToBe(cyBadge, "1"));
      ada.type("@cy." + suffix + " can you take notes?" + Keys.ENTER);
      cy.wait.until(ExpectedConditions.textToBe(cyBadge, "2"));
      cy.wait.until(ExpectedConditions.textToBe(cyMentions, "@1"));

      // Cy reads the room in a second tab: the lobby tab's badges clear by themselves.
      String lobbyTab = cy.driver.getWindowHandle();
      cy.driver.switchTo().newWindow(WindowType.TAB);
      cy.driver.get(roomUrl);
      cy.awaitLive();
      var note = cy.awaitMessage("@cy." + suffix + " can you take notes?");
      assertTrue(
          note.findElement(By.xpath("ancestor::article"))
              .getAttribute("class")
              .contains("mentions-me"));
      ada.wait.until(
          ExpectedConditions.textToBe(
              By.id("seen-" + roomId), "Seen by Bob " + suffix + " and Cy " + suffix));
      cy.driver.switchTo().window(lobbyTab);
      cy.wait.until(ExpectedConditions.textToBe(cyBadge, ""));
      cy.wait.until(ExpectedConditions.textToBe(cyMentions, ""));

      // Ada opens a conversation with Bob: her list shows him online, then offline when he leaves.
      ada.driver.get(Browser.baseUrl() + "/rooms");
      ada.driver.findElement(By.id("dm-username")).sendKeys("bob." + suffix);
      ada.driver.findElement(By.cssSelector("form.direct button")).click();
      ada.awaitLive();
      By bobInDms =
          By.cssSelector(".sidebar .presence-" + io.parley.render.Dom.key("dev:bob." + suffix));
      ada.wait.until(ExpectedConditions.attributeContains(bobInDms, "class", "online"));
      ada.type("Just us now" + Keys.ENTER);
      ada.wait.until(ExpectedConditions.textToBe(By.cssSelector(".seen"), "Delivered"));
      bob.driver.get(ada.driver.getCurrentUrl());
      bob.awaitMessage("Just us now");
      ada.wait.until(ExpectedConditions.textToBe(By.cssSelector(".seen"), "Read"));
      bob.driver.get("about:blank");
      ada.wait.until(ExpectedConditions.attributeContains(bobInDms, "class", "offline"));
    }
  }
}
