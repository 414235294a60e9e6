package io.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A member reports a message from its menu; the room's owner sees the count appear in the top bar,
 * works the queue in the browser, and the effect shows live in the other windows: the message is
 * removed for everyone, the reporter is told, and a muted author's composer turns off.
 */
class ReportsBrowserIT {

  private final String suffix = UUID.randomUUID().toString().substring(0, 6);

  private static void report(Browser b, long seq, String reason) {
    WebElement message =
        b.driver.findElement(By.cssSelector("article.message[data-seq='" + seq + "']"));
    b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", message);
    new Actions(b.driver).moveToElement(message).perform();
    WebElement menu = message.findElement(By.cssSelector("a.menu-button"));
    b.wait.until(ExpectedConditions.elementToBeClickable(menu));
    menu.click();
    String form = "article.message[data-seq='" + seq + "'] .menu form.report";
    WebElement input =
        b.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(form + " input")));
    input.sendKeys(reason);
    b.driver.findElement(By.cssSelector(form + " button")).click();
    b.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("article.message[data-seq='" + seq + "'] .reported"), "Reported."));
  }

  /** Opens the queue from the top bar's live link and applies {@code action} to the report. */
  private static void handleFirst(Browser b, String action, String minutes) {
    b.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a#reports-link"))).click();
    b.wait.until(ExpectedConditions.urlContains("/reports"));
    if (minutes != null) {
      new Select(b.driver.findElement(By.cssSelector("form.handle-report select[name=minutes]")))
          .selectByValue(minutes);
    }
    b.driver
        .findElement(By.cssSelector("form.handle-report button[value='" + action + "']"))
        .click();
    b.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Handled:"));
  }

  @Test
  void aModeratorHandlesReportsFromTheQueueAndEveryWindowSeesIt() throws Exception {
    try (Browser owner = Browser.withJavaScript();
        Browser troll = Browser.withJavaScript();
        Browser ada = Browser.withJavaScript()) {
      owner.signIn("Owner " + suffix);
      String roomUrl = owner.createRoom("Reported " + suffix);
      troll.signIn("Troll " + suffix);
      troll.join(roomUrl);
      troll.awaitLive();
      ada.signIn("Ada " + suffix);
      ada.join(roomUrl);
      ada.awaitLive();

      troll.type("buy cheap watches\n");
      ada.awaitMessage("buy cheap watches");
      report(ada, 1, "spam");

      // The owner's open room page shows one open report, live.
      owner.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("a#reports-link .badge"), "1"));
      handleFirst(owner, "delete", null);
      assertTrue(owner.driver.getPageSource().contains("the message was removed"));
      for (Browser b : new Browser[] {ada, troll}) {
        b.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("article.message[data-seq='1']"), "removed by a moderator"));
      }
      ada.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("notices"), "Your report was handled: the message was removed"));

      // A second report: the author is muted for ten minutes; their composer turns off live.
      troll.type("more ads\n");
      ada.awaitMessage("more ads");
      report(ada, 2, "still spamming");
      owner.driver.get(roomUrl);
      owner.awaitLive();
      handleFirst(owner, "mute", "10");
      troll.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".standing"), "You are muted in this room until"));
      troll.wait.until(
          ExpectedConditions.attributeToBe(
              By.cssSelector("#composer .composer-fields"), "disabled", "true"));
    }
  }
}
