package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.it.Parley;
import io.parley.it.TestUser;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The Threads page counts new replies live and opens a thread in its side panel. */
class ThreadsBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void theInboxCountsRepliesLiveAndOpensTheThread() throws Exception {
    try (Browser ada = Browser.withJavaScript()) {
      ada.signIn("Ada " + suffix);
      String roomUrl = ada.createRoom("Threads " + suffix);
      String room = roomUrl.substring(roomUrl.lastIndexOf('/') + 1);
      ada.type("who takes the release notes?\n");
      ada.awaitMessage("who takes the release notes?");
      TestUser bob = Parley.signIn("Bob " + suffix);
      bob.join(room);

      ada.driver.get(Browser.baseUrl() + "/threads");
      ada.wait.until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live='open']")));
      var replied =
          bob.post(
              "/api/rooms/" + room + "/messages",
              "{\"body\":\"I will\",\"clientMsgId\":\"b-1\",\"threadOf\":1}");
      assertTrue(replied.statusCode() == 201, replied.body());
      ada.waitUpTo(Duration.ofSeconds(15))
          .until(ExpectedConditions.textToBe(By.cssSelector("#threads-link .badge.on"), "1"));
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("thread-rows"), "1 unread"));
      ada.wait
          .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#thread-rows .excerpt a")))
          .click();
      try {
        ada.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("thread-panel"), "I will"));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "at "
                + ada.driver.getCurrentUrl()
                + ": "
                + ada.driver.findElement(By.tagName("main")).getText(),
            e);
      }
    }
  }
}
